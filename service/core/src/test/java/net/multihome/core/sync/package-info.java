/** Tests of the shared part of a configuration and the epoch rules. */
package net.multihome.core.sync;
