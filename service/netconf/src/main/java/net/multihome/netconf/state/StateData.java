package net.multihome.netconf.state;

import java.util.List;
import net.multihome.core.status.StatusSnapshot;
import net.multihome.core.status.StatusSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The state data of one {@code <get>}, all from a single snapshot so that it is consistent. */
public final class StateData {
    private final StatusSource status;

    public StateData(StatusSource status) {
        this.status = status;
    }

    /** Adds the state leaves into {@code multihome}; returns no further top-level elements. */
    public List<Element> contribute(Element multihome, Document doc) {
        StatusSnapshot snapshot = status.snapshot();
        ProviderStateWriter.write(multihome, snapshot);
        KernelStateWriter.write(multihome, snapshot);
        return List.of();
    }
}
