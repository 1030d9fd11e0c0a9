/**
 * The daemon's own memory: pages the start-up alone needed, given back to the kernel once the
 * daemon is ready.
 */
package net.multihome.daemon.memory;
