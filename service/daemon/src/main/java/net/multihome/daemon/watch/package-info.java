/**
 * Directories that other programs write into (DHCP hooks, keepalived's notify script), watched
 * with inotify on one thread for the whole daemon.
 */
package net.multihome.daemon.watch;
