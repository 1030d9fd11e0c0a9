package net.multihome.core.lease;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.multihome.netlink.model.IpAddresses;

/**
 * Reads the {@code key=value} lines the DHCP hook writes: {@code reason} always, and for a
 * bound lease {@code address}, {@code subnet-mask} and {@code routers} (space-separated, the
 * first one is the gateway). Pure; unknown keys are ignored so a newer hook can add some.
 */
public final class LeaseFile {

    /** Every file name the hook writes ends so; dot files are its temporaries. */
    public static final String SUFFIX = ".dhcp4";
    public static final int MAX_BYTES = 4096;

    private static final Pattern EVENT = Pattern.compile("[A-Z0-9_]{1,32}");
    private static final Set<String> LOSS_EVENTS = Set.of("EXPIRE", "FAIL", "RELEASE", "STOP", "TIMEOUT");

    private LeaseFile() {
    }

    /** @throws LeaseFormatException naming the field that is missing or wrong */
    public static DhcpLease parse(String interfaceName, String text) throws LeaseFormatException {
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new LeaseFormatException("line '" + line.strip() + "' is not key=value");
            }
            fields.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        String event = fields.get("reason");
        if (event == null || !EVENT.matcher(event).matches()) {
            throw new LeaseFormatException(event == null ? "reason is missing"
                    : "reason '" + event + "' is not a DHCP client event");
        }
        if (!fields.containsKey("address")) {
            if (!LOSS_EVENTS.contains(event)) {
                throw new LeaseFormatException("reason " + event + " without an address");
            }
            return DhcpLease.lost(interfaceName, event);
        }
        Inet4Address address = ipv4(fields, "address");
        int prefixLength = prefixLength(fields.get("subnet-mask"));
        String routers = fields.getOrDefault("routers", "");
        Inet4Address gateway = routers.isEmpty() ? null : ipv4("routers", routers.split("\\s+")[0]);
        return new DhcpLease(interfaceName, event, address, prefixLength, gateway);
    }

    private static Inet4Address ipv4(Map<String, String> fields, String key) throws LeaseFormatException {
        String value = fields.get(key);
        if (value == null || value.isEmpty()) {
            throw new LeaseFormatException(key + " is missing");
        }
        return ipv4(key, value);
    }

    private static Inet4Address ipv4(String key, String value) throws LeaseFormatException {
        try {
            InetAddress parsed = IpAddresses.parse(value);
            if (parsed instanceof Inet4Address v4 && !v4.isAnyLocalAddress() && !v4.isMulticastAddress()) {
                return v4;
            }
        } catch (IllegalArgumentException e) {
            // Answered below with the field's name.
        }
        throw new LeaseFormatException(key + " '" + value + "' is not a unicast IPv4 address");
    }

    private static int prefixLength(String mask) throws LeaseFormatException {
        if (mask == null || mask.isEmpty()) {
            throw new LeaseFormatException("subnet-mask is missing");
        }
        InetAddress parsed;
        try {
            parsed = IpAddresses.parse(mask);
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (!(parsed instanceof Inet4Address)) {
            throw new LeaseFormatException("subnet-mask '" + mask + "' is not a netmask");
        }
        byte[] b = parsed.getAddress();
        int bits = (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
        int length = Integer.bitCount(bits);
        if (bits != (int) (0xffffffffL << (32 - length)) || length == 0) {
            throw new LeaseFormatException("subnet-mask '" + mask + "' is not a contiguous netmask");
        }
        return length;
    }
}
