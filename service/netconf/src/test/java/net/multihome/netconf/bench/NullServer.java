package net.multihome.netconf.bench;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.rpc.RpcHandler;
import net.multihome.netconf.rpc.RpcHandlerRegistry;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.ssh.NetconfServer;
import net.multihome.netconf.ssh.UserDirectory;
import net.multihome.netconf.ssh.UserEntry;

/**
 * The ceiling a NETCONF client can reach on this machine: our SSH transport, framing and XML
 * layers with handlers that do nothing ({@code get-config} answers an empty {@code <data/>},
 * {@code edit-config} and {@code commit} answer {@code <ok/>}). Whatever rate a client gets
 * from it is bounded by the client and the transport alone, so no server, ours or netconfd,
 * can be measured above it by that client.
 *
 * <p>Arguments: PORT. Listens on 127.0.0.1 with user {@code admin}, password {@code admin};
 * runs until killed.
 */
public final class NullServer {

    /** crypt(3) SHA-512 of "admin", the lab's password. */
    private static final String ADMIN_HASH =
            "$6$mhdemo0123$3YYhmckfgui/YbIoRrLZCX2gtc6Y2jQPDoPZRVvBDHpuzHfNNLtiQYTR2RNBNkYLDJZrXw74w1aWjIJJ8q7Wn0";

    private NullServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Files.createTempDirectory("nc-null");
        RpcHandler ok = (request, session) -> RpcReply.ok();
        RpcHandlerRegistry handlers = new RpcHandlerRegistry()
                .register(Namespaces.BASE, "get-config", (request, session) -> RpcReply.data())
                .register(Namespaces.BASE, "edit-config", ok)
                .register(Namespaces.BASE, "commit", ok);
        try (NetconfServer server = NetconfServer.builder()
                .listen(InetAddress.getLoopbackAddress(), port)
                .hostKeyFile(dir.resolve("hostkey"))
                .users(UserDirectory.of(UserEntry.withPassword("admin", ADMIN_HASH)))
                .capabilities(List.of("urn:ietf:params:netconf:capability:candidate:1.0"))
                .handlers(handlers)
                .build()) {
            server.start();
            System.out.println("null NETCONF server listening on 127.0.0.1:" + server.port());
            new CountDownLatch(1).await();
        }
    }
}
