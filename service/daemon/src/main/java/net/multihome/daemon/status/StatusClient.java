package net.multihome.daemon.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** The client end of the status socket: one request, the whole answer, then the daemon closes. */
public final class StatusClient {

    /** Answers larger than this are not the daemon's. */
    private static final int MAX_ANSWER = 1 << 20;

    /** Nothing listens on the socket: no file there, or nobody behind it. */
    public static final class NoDaemonException extends IOException {
        NoDaemonException(Path socket, IOException cause) {
            super("no daemon at " + socket + ": " + lowerCase(cause.getMessage()), cause);
        }
    }

    /** The daemon's answer: the view when {@code ok}, else the line that says why not. */
    public record Answer(boolean ok, String body) {
    }

    private StatusClient() {
    }

    /**
     * @throws NoDaemonException when nothing listens on {@code socket}
     * @throws IOException when the daemon closes without an answer
     */
    public static Answer ask(Path socket, boolean json) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                throw new NoDaemonException(socket, e);
            }
            channel.write(ByteBuffer.wrap(((json ? StatusProtocol.JSON : StatusProtocol.TEXT) + "\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer.clear()) >= 0) {
                answer.write(buffer.array(), 0, buffer.position());
                if (answer.size() > MAX_ANSWER) {
                    throw new IOException("answer longer than " + MAX_ANSWER + " bytes");
                }
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            if (end < 0) {
                throw new IOException("the daemon closed the connection without an answer");
            }
            return new Answer(text.substring(0, end).equals(StatusProtocol.OK), text.substring(end + 1));
        }
    }

    private static String lowerCase(String message) {
        return message == null ? "cannot connect" : message.toLowerCase(Locale.ROOT);
    }
}
