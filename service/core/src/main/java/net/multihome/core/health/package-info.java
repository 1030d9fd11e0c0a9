/**
 * Health monitoring of the uplinks: probes that can only leave through the uplink under
 * test (ICMP echo and TCP connect, bound to the interface and its address, over libc through
 * {@code java.lang.foreign}), statistics over a window of rounds, and a pure per-provider
 * decision ({@link net.multihome.core.health.HealthDecider}: hysteresis, reliability quorum,
 * degraded thresholds, flap damping, link loss). {@link net.multihome.core.health.HealthMonitor}
 * schedules the rounds and publishes verdict changes, which the daemon turns into a re-plan.
 */
package net.multihome.core.health;
