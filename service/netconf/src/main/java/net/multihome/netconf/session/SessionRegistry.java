package net.multihome.netconf.session;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import net.multihome.netconf.rpc.NetconfSession;

/**
 * Live sessions that completed their hello, and server-wide counters, for
 * ietf-netconf-monitoring and for kill-session.
 */
public final class SessionRegistry {
    private final Map<Long, ProtocolSession> live = new ConcurrentHashMap<>();
    private final Instant startTime;
    final LongAdder inBadHellos = new LongAdder();
    final LongAdder inSessions = new LongAdder();
    final LongAdder droppedSessions = new LongAdder();
    final LongAdder inRpcs = new LongAdder();
    final LongAdder inBadRpcs = new LongAdder();
    final LongAdder outRpcErrors = new LongAdder();
    final LongAdder outNotifications = new LongAdder();

    SessionRegistry(Instant startTime) {
        this.startTime = startTime;
    }

    public Optional<NetconfSession> find(long sessionId) {
        return Optional.ofNullable(live.get(sessionId));
    }

    /** Live sessions by ascending id. */
    public List<NetconfSession> sessions() {
        return live.values().stream().sorted(Comparator.comparingLong(ProtocolSession::id))
                .map(NetconfSession.class::cast).toList();
    }

    public List<SessionStats> stats() {
        return live.values().stream().map(ProtocolSession::stats)
                .sorted(Comparator.comparingLong(SessionStats::id)).toList();
    }

    public int size() {
        return live.size();
    }

    public ServerStatistics statistics() {
        return new ServerStatistics(startTime, inBadHellos.sum(), inSessions.sum(), droppedSessions.sum(),
                inRpcs.sum(), inBadRpcs.sum(), outRpcErrors.sum(), outNotifications.sum());
    }

    Optional<ProtocolSession> findInternal(long sessionId) {
        return Optional.ofNullable(live.get(sessionId));
    }

    List<ProtocolSession> live() {
        return List.copyOf(live.values());
    }

    void add(ProtocolSession session) {
        live.put(session.id(), session);
        inSessions.increment();
    }

    void remove(ProtocolSession session) {
        live.remove(session.id(), session);
    }
}
