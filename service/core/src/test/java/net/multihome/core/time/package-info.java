/** A scheduler whose time the test moves. */
package net.multihome.core.time;
