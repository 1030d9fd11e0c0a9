package net.multihome.snmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import net.multihome.core.config.Management;
import net.multihome.core.status.ProviderEvents;
import net.multihome.netlink.model.IpPrefix;
import net.multihome.snmp.testing.FakeStatus;
import net.multihome.snmp.testing.FakeVrrp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request is answered from the socket it arrived on, whichever of the configured addresses or
 * the passed socket it was: an answer from another address is dropped by the client.
 */
@Timeout(120)
class AnswerSocketTest {

    @TempDir
    Path state;

    @Test
    void eachSocketAnswersItsOwnRequests() throws Exception {
        Management.Snmp base = AgentFixture.settings(List.of(IpPrefix.parse("127.0.0.0/8")), List.of());
        Management.Snmp settings = new Management.Snmp(true,
                List.of(new Management.Endpoint(FakeStatus.ip("127.0.0.1"), 0),
                        new Management.Endpoint(FakeStatus.ip("127.0.0.2"), 0)),
                base.communities(), base.users(), base.targets(), base.contact(), base.location());
        DatagramChannel passed = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.3", 0));
        SnmpAgent agent = SnmpAgent.builder().stateDirectory(state.resolve("agent")).statusSource(new FakeStatus())
                .events(new ProviderEvents()).vrrp(new FakeVrrp()).settings(settings).version("test")
                .inheritedSocket(passed).build();
        try {
            agent.start();
            List<InetSocketAddress> bound = agent.boundAddresses();
            assertEquals(3, bound.size(), bound.toString());
            assertEquals(passed.getLocalAddress(), bound.get(2), "the passed socket is served as it is");
            for (InetSocketAddress socket : bound) {
                assertTrue(sysName(socket).contains(SystemDescription.ofThisHost().hostname()),
                        "no answer from " + socket);
            }
        } finally {
            agent.close();
        }
        assertTrue(!passed.isOpen(), "the passed socket is closed with the agent");
    }

    /**
     * GET sysName.0 over a socket connected to {@code agent}, so the kernel drops an answer from
     * any other address; empty when none came within 2 s.
     */
    private static String sysName(InetSocketAddress agent) throws Exception {
        byte[] community = AgentFixture.COMMUNITY.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream pdu = new ByteArrayOutputStream();
        pdu.writeBytes(new byte[] {0x02, 0x01, 0x01, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00, 0x30, 0x0e, 0x30, 0x0c,
            0x06, 0x08, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x01, 0x05, 0x00, 0x05, 0x00});
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(new byte[] {0x02, 0x01, 0x01, 0x04, (byte) community.length});
        message.writeBytes(community);
        message.write(0xa0);
        message.write(pdu.size());
        message.writeBytes(pdu.toByteArray());
        ByteBuffer request = ByteBuffer.allocate(2 + message.size()).put((byte) 0x30).put((byte) message.size())
                .put(message.toByteArray()).flip();
        try (DatagramChannel client = DatagramChannel.open()) {
            client.connect(agent);
            client.write(request);
            client.socket().setSoTimeout(2000);
            DatagramPacket answer = new DatagramPacket(new byte[1500], 1500);
            try {
                client.socket().receive(answer);
            } catch (SocketTimeoutException e) {
                return "";
            }
            return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.ISO_8859_1);
        }
    }
}
