package net.multihome.core.plan;

/** A provider's operational status, as the YANG model and the MIB report it. */
public enum OperStatus {
    UP, DEGRADED, DOWN, DISABLED, NO_INTERFACE;

    /** The YANG enum name ({@code no-interface}). */
    public String yangName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
