/**
 * Prometheus metrics: what the status snapshot and the servers' counters say, rendered in the
 * Prometheus text format and served over HTTP on the addresses of management/metrics.
 */
package net.multihome.daemon.metrics;
