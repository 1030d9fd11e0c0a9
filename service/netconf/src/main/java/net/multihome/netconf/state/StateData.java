package net.multihome.netconf.state;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.multihome.core.pair.VrrpState;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.core.status.StatusSource;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.sync.SyncStateWriter;
import net.multihome.netconf.sync.SyncStatus;
import net.multihome.netconf.xml.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The state data of one {@code <get>}, all from a single snapshot so that it is consistent. */
public final class StateData {
    private final StatusSource status;
    private final Supplier<VrrpState> vrrp;
    private final Supplier<Optional<SyncStatus>> sync;

    public StateData(StatusSource status, Supplier<VrrpState> vrrp) {
        this(status, vrrp, Optional::empty);
    }

    /** @param sync configuration sync's status; empty when the daemon runs none */
    public StateData(StatusSource status, Supplier<VrrpState> vrrp, Supplier<Optional<SyncStatus>> sync) {
        this.status = status;
        this.vrrp = vrrp;
        this.sync = sync;
    }

    /** Adds the state leaves into {@code multihome}; returns no further top-level elements. */
    public List<Element> contribute(Element multihome, Document doc) {
        StatusSnapshot snapshot = status.snapshot();
        ProviderStateWriter.write(multihome, snapshot);
        KernelStateWriter.write(multihome, snapshot);
        if (snapshot.config().pair().isPresent()) {
            Element redundancy = Dom.child(multihome, YangSchema.NAMESPACE, "redundancy")
                    .orElseGet(() -> Dom.append(multihome, YangSchema.NAMESPACE, "redundancy"));
            Dom.appendLeaf(redundancy, YangSchema.NAMESPACE, "state", vrrp.get().yangName());
            sync.get().ifPresent(status -> SyncStateWriter.write(redundancy, status));
        }
        return List.of();
    }
}
