package net.multihome.netconf.datastore;

import net.multihome.core.store.ClientSession;
import net.multihome.netconf.rpc.NetconfSession;

/** A NETCONF session as a client of the configuration store. */
public record NetconfClient(NetconfSession session) implements ClientSession {
    @Override
    public long id() {
        return session.id();
    }

    @Override
    public void onEnd(Runnable hook) {
        session.onClose(s -> hook.run());
    }
}
