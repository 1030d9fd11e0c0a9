/**
 * Interface counters that follow the kernel between reconcile passes: a refresher with its own
 * thread and netlink socket reads the interfaces every second and hands them to the owner.
 */
package net.multihome.daemon.counters;
