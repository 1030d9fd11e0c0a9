package net.multihome.netconf.ops;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import net.multihome.core.store.CommitRequest;
import net.multihome.core.store.ConfigStore;
import net.multihome.core.store.StoreException;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.datastore.DatastoreException;
import net.multihome.netconf.datastore.Errors;
import net.multihome.netconf.datastore.NetconfClient;
import net.multihome.netconf.rpc.ErrorInfo;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.NetconfSession;
import net.multihome.netconf.rpc.RpcReply;
import net.multihome.netconf.rpc.RpcRequest;
import net.multihome.netconf.xml.Dom;
import org.w3c.dom.Element;

/** RFC 6241 commit, with the :confirmed-commit:1.1 parameters. */
final class CommitHandler extends Handler {
    private static final long MAX_TIMEOUT_SECONDS = 4_294_967_295L;

    private final ConfigStore store;

    CommitHandler(ConfigStore store) {
        this.store = store;
    }

    @Override
    RpcReply run(RpcRequest request, NetconfSession session) throws DatastoreException, StoreException {
        Element op = request.operation();
        boolean confirmed = Params.find(op, "confirmed").isPresent();
        Optional<Duration> timeout = Optional.empty();
        Optional<String> timeoutText = Params.text(op, "confirm-timeout");
        if (timeoutText.isPresent()) {
            timeout = Optional.of(Duration.ofSeconds(seconds(timeoutText.get())));
        }
        Optional<String> persist = Params.text(op, "persist");
        if (!confirmed && (timeout.isPresent() || persist.isPresent())) {
            throw new DatastoreException(Errors.protocol(ErrorTag.INVALID_VALUE,
                    "confirm-timeout and persist need <confirmed/>"));
        }
        store.commit(new CommitRequest(confirmed, timeout, persist, Params.text(op, "persist-id"), syncBase(op)),
                new NetconfClient(session));
        return RpcReply.ok();
    }

    /** The epoch a push of the pair's peer was made on (multihome's sync-base-epoch parameter). */
    private static OptionalLong syncBase(Element op) throws DatastoreException {
        Optional<String> text = Dom.child(op, YangSchema.NAMESPACE, "sync-base-epoch").map(Dom::text);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseUnsignedLong(text.get().trim()));
        } catch (NumberFormatException e) {
            throw new DatastoreException(Errors.protocol(ErrorTag.INVALID_VALUE,
                    "sync-base-epoch must be an epoch number, not '" + text.get() + "'")
                    .withInfo(ErrorInfo.badElement("sync-base-epoch")));
        }
    }

    private static long seconds(String text) throws DatastoreException {
        try {
            long value = Long.parseLong(text);
            if (value >= 1 && value <= MAX_TIMEOUT_SECONDS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new DatastoreException(Errors.protocol(ErrorTag.INVALID_VALUE,
                "confirm-timeout must be 1 to 4294967295 seconds, not '" + text + "'")
                .withInfo(ErrorInfo.badElement("confirm-timeout")));
    }
}
