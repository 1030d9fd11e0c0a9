package net.multihome.core.status;

import java.net.InetAddress;
import net.multihome.core.config.HealthCheck;

/** One probe target of a provider and how it answers. */
public record TargetStatus(InetAddress address, HealthCheck.Method method, int port, TargetState state,
        ProbeStats stats) {

    /** Whether the last finished round got an answer. */
    public enum TargetState { ANSWERING, NOT_ANSWERING, UNKNOWN }
}
