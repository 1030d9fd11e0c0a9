package net.multihome.netlink.model;

/** An inclusive port range of a policy rule ({@code struct fib_rule_port_range}). */
public record PortRange(int start, int end) {

    public PortRange {
        if (start < 0 || end > 65535 || start > end) {
            throw new IllegalArgumentException("bad port range " + start + "-" + end);
        }
    }

    public static PortRange single(int port) {
        return new PortRange(port, port);
    }

    @Override
    public String toString() {
        return start == end ? Integer.toString(start) : start + "-" + end;
    }
}
