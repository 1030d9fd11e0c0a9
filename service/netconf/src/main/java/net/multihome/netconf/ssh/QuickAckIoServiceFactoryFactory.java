package net.multihome.netconf.ssh;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import jdk.net.ExtendedSocketOptions;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.PropertyResolver;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoServiceFactory;
import org.apache.sshd.common.io.nio2.Nio2CompletionHandler;
import org.apache.sshd.common.io.nio2.Nio2DefaultIoWriteFuture;
import org.apache.sshd.common.io.nio2.Nio2Service;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactory;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.io.nio2.Nio2Session;
import org.apache.sshd.common.util.threads.CloseableExecutorService;

/**
 * MINA's NIO2 transport with the socket taken out of Linux's delayed-ACK ("pingpong") mode after
 * every completed write.
 *
 * <p>Why: a client with Nagle on (paramiko, so ncclient and Ansible) sends its SSH window
 * adjustment, then its next request; Nagle holds the request until the adjustment is ACKed. Having
 * just replied, the kernel counts the connection as interactive and delays that ACK by 40 ms, so
 * every request that follows a window adjustment (one in some 40 get-configs of a few KB) waited
 * 40 ms. Out of pingpong mode, the kernel ACKs the adjustment as soon as it is read.
 */
final class QuickAckIoServiceFactoryFactory extends Nio2ServiceFactoryFactory {

    @Override
    public IoServiceFactory create(FactoryManager manager) {
        return new Nio2ServiceFactory(manager, newExecutor(), newExecutor()) {
            @Override
            public Nio2Session createSession(Nio2Service service, IoHandler handler, AsynchronousSocketChannel socket,
                                             SocketAddress acceptanceAddress) throws Throwable {
                return new QuickAckSession(service, getFactoryManager(), handler, socket, acceptanceAddress);
            }
        };
    }

    private static final class QuickAckSession extends Nio2Session {
        QuickAckSession(Nio2Service service, PropertyResolver properties, IoHandler handler,
                        AsynchronousSocketChannel socket, SocketAddress acceptanceAddress) throws IOException {
            super(service, properties, handler, socket, acceptanceAddress);
        }

        @Override
        protected void handleCompletedWriteCycle(Nio2DefaultIoWriteFuture future, AsynchronousSocketChannel socket,
                                                 ByteBuffer buffer, int writeLen,
                                                 Nio2CompletionHandler<Integer, Object> completionHandler,
                                                 Integer result, Object attachment) {
            if (!buffer.hasRemaining()) {
                quickAck(socket);
            }
            super.handleCompletedWriteCycle(future, socket, buffer, writeLen, completionHandler, result, attachment);
        }

        private static void quickAck(AsynchronousSocketChannel socket) {
            try {
                socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
            } catch (IOException | UnsupportedOperationException e) {
                // Closed meanwhile, or not Linux: the ACK is merely delayed, as without this class.
            }
        }
    }
}
