package net.multihome.core.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.multihome.netlink.model.IpAddresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeaseFileTest {

    @Test
    void boundLeaseGivesAddressPrefixAndFirstRouter() throws Exception {
        DhcpLease lease = LeaseFile.parse("if2", """
                reason=BOUND
                address=203.0.113.77
                subnet-mask=255.255.255.192
                routers=203.0.113.65 203.0.113.66
                """);
        assertEquals(new DhcpLease("if2", "BOUND", (java.net.Inet4Address) IpAddresses.parse("203.0.113.77"), 26,
                (java.net.Inet4Address) IpAddresses.parse("203.0.113.65")), lease);
    }

    @Test
    void leaseWithoutRoutersHasNoGateway() throws Exception {
        DhcpLease lease = LeaseFile.parse("if2", "reason=RENEW\naddress=10.0.0.5\nsubnet-mask=255.255.255.0\nrouters=\n");
        assertNull(lease.gateway());
        assertEquals(24, lease.prefixLength());
    }

    @Test
    void lostLeaseKeepsItsEvent() throws Exception {
        DhcpLease lease = LeaseFile.parse("if2", "reason=EXPIRE\n");
        assertFalse(lease.bound());
        assertEquals("EXPIRE", lease.event());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|reason is missing",
            "reason=bound|reason 'bound' is not a DHCP client event",
            "reason=BOUND|reason BOUND without an address",
            "reason=BOUND\\naddress=203.0.113|address '203.0.113' is not a unicast IPv4 address",
            "reason=BOUND\\naddress=2001:db8::1\\nsubnet-mask=255.255.255.0|address '2001:db8::1' is not a unicast IPv4 address",
            "reason=BOUND\\naddress=example.com\\nsubnet-mask=255.255.255.0|address 'example.com' is not a unicast IPv4 address",
            "reason=BOUND\\naddress=10.0.0.5|subnet-mask is missing",
            "reason=BOUND\\naddress=10.0.0.5\\nsubnet-mask=255.0.255.0|subnet-mask '255.0.255.0' is not a contiguous netmask",
            "reason=BOUND\\naddress=10.0.0.5\\nsubnet-mask=0.0.0.0|subnet-mask '0.0.0.0' is not a contiguous netmask",
            "reason=BOUND\\naddress=10.0.0.5\\nsubnet-mask=x|subnet-mask 'x' is not a netmask",
            "reason=BOUND\\naddress=10.0.0.5\\nsubnet-mask=255.255.255.0\\nrouters=224.0.0.1|routers '224.0.0.1' is not a unicast IPv4 address",
            "garbage|line 'garbage' is not key=value"})
    void nonsenseIsRefusedNamingTheField(String text, String message) {
        LeaseFormatException e = assertThrows(LeaseFormatException.class,
                () -> LeaseFile.parse("if2", text.replace("\\n", "\n")));
        assertEquals(message, e.getMessage());
    }
}
