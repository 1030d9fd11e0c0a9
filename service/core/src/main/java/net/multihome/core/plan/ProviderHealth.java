package net.multihome.core.plan;

/** What health checks concluded about a provider; a provider without a verdict counts as UP. */
public enum ProviderHealth { UP, DEGRADED, DOWN }
