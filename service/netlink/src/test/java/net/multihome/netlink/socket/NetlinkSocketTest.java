package net.multihome.netlink.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Needs no root: opening a route socket and reading from it is unprivileged. */
class NetlinkSocketTest {

    @Test
    void receiveTimesOutWithEagain() {
        try (NetlinkSocket s = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, 4096)) {
            s.setReceiveTimeout(Duration.ofMillis(20));
            ErrnoException e = assertThrows(ErrnoException.class, s::receive);
            assertEquals(Errno.EAGAIN, e.errno());
        }
    }

    @Test
    void kernelAnswersAGetOfAMissingLinkWithEnodev() {
        try (NetlinkSocket s = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, 4096)) {
            s.setReceiveTimeout(Duration.ofSeconds(5));
            // RTM_GETLINK, NLM_F_REQUEST, seq 77; ifinfomsg of zeros; IFLA_IFNAME "nosuch0"
            ByteBuffer req = ByteBuffer.allocateDirect(44).order(ByteOrder.nativeOrder());
            req.putInt(44).putShort((short) 18).putShort((short) 1).putInt(77).putInt(0);
            req.put(new byte[16]);
            req.putShort((short) 12).putShort((short) 3).put("nosuch0\0".getBytes(StandardCharsets.US_ASCII));
            s.send(req, 44);
            ByteBuffer reply = s.receive();
            assertEquals(2, reply.getShort(4), "NLMSG_ERROR");
            assertEquals(-Errno.ENODEV, reply.getInt(16));
            assertEquals(77, reply.getInt(16 + 4 + 8), "echoes our sequence number");
        }
    }

    @Test
    void missingNamespaceFailsWithEnoent() {
        Path missing = Path.of("/run/netns/mhtest-nl-does-not-exist");
        ErrnoException e = assertThrows(ErrnoException.class,
                () -> NetlinkSocket.open(missing, NetlinkSocket.NETLINK_ROUTE, 4096));
        assertEquals(Errno.ENOENT, e.errno());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void ownNamespaceCanBeOpenedByPath() throws Exception {
        Path own = Path.of("/proc/self/ns/net");
        String before = Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
        try (NetlinkSocket s = NetlinkSocket.open(own, NetlinkSocket.NETLINK_ROUTE, 4096)) {
            s.setReceiveTimeout(Duration.ofMillis(10));
            assertThrows(ErrnoException.class, s::receive);
        } catch (ErrnoException e) {
            assertEquals(Errno.EPERM, e.errno(), "only setns may fail, and only without CAP_SYS_ADMIN");
        }
        assertEquals(before, Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString());
    }

    @Test
    void errnoNames() {
        assertEquals("EINVAL", Errno.name(22));
        assertEquals("ENOBUFS", Errno.name(105));
        assertEquals("E4242", Errno.name(4242));
    }
}
