/** The daemon's logging configuration, set up in code. */
package net.multihome.daemon.logging;
