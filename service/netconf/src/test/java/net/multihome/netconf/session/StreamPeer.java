package net.multihome.netconf.session;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.multihome.netconf.framing.ChunkedDecoder;
import net.multihome.netconf.framing.ChunkedEncoder;
import net.multihome.netconf.framing.EndOfMessageDecoder;
import net.multihome.netconf.framing.FrameDecoder;
import net.multihome.netconf.testing.Polling;

/** The client end of a session running over in-memory pipes, with bounded waits. */
final class StreamPeer implements AutoCloseable {
    static final Duration TIMEOUT = Polling.TIMEOUT;
    private static final int PIPE_SIZE = 1024 * 1024;

    final PipedInputStream serverIn = new PipedInputStream(PIPE_SIZE);
    final PipedOutputStream serverOut = new PipedOutputStream();
    private final PipedOutputStream toServer = new PipedOutputStream();
    private final PipedInputStream fromServer = new PipedInputStream(PIPE_SIZE);
    private final LinkedBlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    private final CountDownLatch transportClosed = new CountDownLatch(1);
    private FrameDecoder decoder = new EndOfMessageDecoder();
    private ByteBuffer pending = ByteBuffer.allocate(0);

    StreamPeer() throws IOException {
        toServer.connect(serverIn);
        serverOut.connect(fromServer);
        Thread.ofVirtual().start(this::pump);
    }

    private void pump() {
        byte[] buffer = new byte[8192];
        try {
            for (int n = fromServer.read(buffer); n >= 0; n = fromServer.read(buffer)) {
                received.add(Arrays.copyOf(buffer, n));
            }
        } catch (IOException endOfPipe) {
            // The session thread ended; nothing more will come.
        }
    }

    /** What the session calls to close its transport. */
    void closeTransport() {
        transportClosed.countDown();
        try {
            toServer.close();
            serverOut.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean awaitTransportClosed() throws InterruptedException {
        return transportClosed.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    void send(String text) throws IOException {
        toServer.write(text.getBytes(UTF_8));
        toServer.flush();
    }

    static String chunked(String xml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ChunkedEncoder().encode(xml.getBytes(UTF_8), out);
        return out.toString(UTF_8);
    }

    void expectChunked() {
        decoder = new ChunkedDecoder(64 * 1024 * 1024);
    }

    String next() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (pending.hasRemaining()) {
                byte[] message = decoder.decode(pending);
                if (message != null) {
                    return new String(message, UTF_8);
                }
            }
            byte[] chunk = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (chunk != null) {
                pending = ByteBuffer.wrap(chunk);
            }
        }
        throw new IOException("no message within " + TIMEOUT);
    }

    @Override
    public void close() {
        closeTransport();
    }
}
