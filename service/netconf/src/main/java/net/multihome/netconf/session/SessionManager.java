package net.multihome.netconf.session;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.multihome.netconf.rpc.Namespaces;
import net.multihome.netconf.rpc.RpcHandlerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts NETCONF sessions on byte streams handed over by a transport, one virtual thread each,
 * and owns what they share: session-ids, limits, handlers, the registry and the hello timer.
 */
public final class SessionManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);
    private static final long MAX_SESSION_ID = 4_294_967_295L;

    private final SessionContext context;
    private final SessionRegistry registry;
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicInteger active = new AtomicInteger();
    private final Runnable stopTimers;

    /**
     * @param capabilities URIs to advertise besides base:1.0 and base:1.1, which are always added
     */
    public static SessionManager create(SessionLimits limits, List<String> capabilities,
                                        RpcHandlerRegistry handlers, SessionListener listener, Clock clock) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("netconf-timers").factory());
        TimerService timers = (task, delay) -> {
            Future<?> f = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
        return new SessionManager(limits, capabilities, handlers, listener, clock, timers, executor::shutdownNow);
    }

    SessionManager(SessionLimits limits, List<String> capabilities, RpcHandlerRegistry handlers,
                   SessionListener listener, Clock clock, TimerService timers, Runnable stopTimers) {
        Objects.requireNonNull(limits, "limits");
        this.stopTimers = stopTimers;
        Set<String> all = new LinkedHashSet<>();
        all.add(Namespaces.CAPABILITY_BASE_1_0);
        all.add(Namespaces.CAPABILITY_BASE_1_1);
        all.addAll(capabilities);
        this.registry = new SessionRegistry(clock.instant());
        this.context = new SessionContext(limits, List.copyOf(all), registry,
                new RpcDispatcher(registry, Objects.requireNonNull(handlers, "handlers")),
                Objects.requireNonNull(listener, "listener"), clock, timers, active::decrementAndGet);
    }

    /**
     * Starts a session for an authenticated user on the given streams. If {@code maxSessions}
     * sessions are live already, {@code closeTransport} runs at once and no session starts.
     *
     * @param closeTransport closes the transport under the session; called at most once
     */
    public SessionHandle start(String user, InetSocketAddress source, InputStream in, OutputStream out,
                               Runnable closeTransport) {
        if (active.incrementAndGet() > context.limits().maxSessions()) {
            active.decrementAndGet();
            LOG.warn("refusing a NETCONF session for {} from {}: {} sessions live", user, source,
                    context.limits().maxSessions());
            closeTransport.run();
            return () -> { };
        }
        long id = nextId.getAndUpdate(n -> n >= MAX_SESSION_ID ? 1 : n + 1);
        ProtocolSession session = new ProtocolSession(id, user, source, in, out, closeTransport, context);
        Thread.ofVirtual().name("netconf-session-" + id).start(session::run);
        return session;
    }

    public SessionRegistry registry() {
        return registry;
    }

    public List<String> capabilities() {
        return context.capabilities();
    }

    /** Ends every live session and stops the timers. */
    @Override
    public void close() {
        for (ProtocolSession session : registry.live()) {
            session.terminate(SessionEnd.of(TerminationReason.OTHER, "server shutdown"));
        }
        stopTimers.run();
    }
}
