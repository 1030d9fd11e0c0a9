package net.multihome.netconf.rpc;

import java.util.Optional;

/**
 * Decides, before its handler runs, whether a session may run an operation at all (access
 * control). close-session is never asked about: a session may always end itself.
 */
@FunctionalInterface
public interface RpcGuard {
    RpcGuard PERMIT_ALL = (request, session) -> Optional.empty();

    /** @return the error to reply with instead of running the operation; empty to run it */
    Optional<RpcError> admit(RpcRequest request, NetconfSession session);
}
