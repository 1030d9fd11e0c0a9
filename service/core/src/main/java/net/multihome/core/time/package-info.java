/**
 * The one source of time and timers for health probing and reconciling, injected so tests
 * advance a manual clock instead of sleeping.
 */
package net.multihome.core.time;
