package net.multihome.netconf.sync;

import java.util.List;
import java.util.Optional;
import net.multihome.netconf.datastore.Errors;
import net.multihome.netconf.rpc.ErrorInfo;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcHandler;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;

/**
 * The base {@code lock} of a router in a pair: denies the peer's lock at once while this router
 * pushes a change of its own ({@link ConfigSyncService#lockRefusal}); any other lock goes to the
 * store as before.
 */
public final class PeerLockGuard implements RpcHandler {
    private final ConfigSyncService sync;
    private final RpcHandler lock;

    public PeerLockGuard(ConfigSyncService sync, RpcHandler lock) {
        this.sync = sync;
        this.lock = lock;
    }

    @Override
    public RpcReply handle(RpcRequest request, NetconfSession session) {
        Optional<String> refusal = sync.lockRefusal(session.sourceAddress());
        if (refusal.isPresent()) {
            // Session-id 0: the holder is no NETCONF session (RFC 6241 7.5), here this router's own commit.
            return new RpcReply.Error(List.of(Errors.protocol(ErrorTag.LOCK_DENIED, refusal.get())
                    .withInfo(ErrorInfo.sessionId(0))));
        }
        return lock.handle(request, session);
    }
}
