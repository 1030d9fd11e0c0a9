/**
 * Injected time: the current instant and delayed tasks, so that confirmed-commit timeouts are
 * tested by advancing a clock instead of sleeping.
 */
package net.multihome.netconf.time;
