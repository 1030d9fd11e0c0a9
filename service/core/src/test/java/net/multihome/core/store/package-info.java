/** Tests of the configuration store with a fake applier and a manual scheduler. */
package net.multihome.core.store;
