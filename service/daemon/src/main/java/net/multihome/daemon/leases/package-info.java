/**
 * The directory DHCP client hooks write leases into, watched with inotify so a new, changed
 * or lost lease wakes the reconcile loop at once; each pass reads the latest immutable map.
 */
package net.multihome.daemon.leases;
