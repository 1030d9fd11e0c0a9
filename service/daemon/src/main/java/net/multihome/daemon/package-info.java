/**
 * The {@code multihome} command: subcommands, wiring of the modules and the daemon's
 * lifecycle. The only module that knows every other one.
 */
package net.multihome.daemon;
