package net.multihome.netconf.datastore;

import java.util.List;
import net.multihome.core.store.StoreError;
import net.multihome.core.store.StoreException;
import net.multihome.netconf.rpc.ErrorInfo;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.RpcError;

/** The NETCONF edge of the configuration store: each refusal as the rpc-error RFC 6241 asks for. */
public final class StoreErrors {
    /** The error-app-tag of a push of the pair's peer refused by its epochs. */
    public static final String SYNC_EPOCH_APP_TAG = "config-sync-epoch";

    private StoreErrors() {
    }

    public static List<RpcError> rpcErrors(StoreException e) {
        return e.errors().stream().map(StoreErrors::rpcError).toList();
    }

    static RpcError rpcError(StoreError error) {
        return switch (error) {
            case StoreError.InvalidValue e -> located(Errors.application(ErrorTag.INVALID_VALUE, e.message()), e.path());
            case StoreError.UnknownElement e ->
                    located(Errors.application(ErrorTag.UNKNOWN_ELEMENT, e.message()), e.path());
            case StoreError.StateData e -> located(Errors.application(ErrorTag.BAD_ELEMENT, e.message()), e.path());
            case StoreError.LockDenied e -> Errors.protocol(ErrorTag.LOCK_DENIED, e.message())
                    .withInfo(ErrorInfo.sessionId(e.holder()));
            case StoreError.CandidateChanged e -> Errors.protocol(ErrorTag.LOCK_DENIED, e.message())
                    .withInfo(ErrorInfo.sessionId(e.owner()));
            case StoreError.NotLocked e -> Errors.protocol(ErrorTag.OPERATION_FAILED, e.message());
            case StoreError.LockedByOther e -> Errors.protocol(ErrorTag.OPERATION_FAILED, e.message())
                    .withInfo(ErrorInfo.sessionId(e.holder()));
            case StoreError.InUse e -> Errors.protocol(ErrorTag.IN_USE, e.message())
                    .withInfo(ErrorInfo.sessionId(e.holder()));
            case StoreError.NoPendingCommit e -> Errors.protocol(ErrorTag.OPERATION_FAILED, e.message());
            case StoreError.ConfirmMismatch e -> Errors.protocol(ErrorTag.INVALID_VALUE, e.message());
            case StoreError.ConfirmPending e -> Errors.protocol(ErrorTag.IN_USE, e.message())
                    .withInfo(ErrorInfo.sessionId(e.owner()));
            case StoreError.ApplyRefused e -> Errors.application(ErrorTag.OPERATION_FAILED, e.message());
            case StoreError.SyncRefused e -> Errors.application(ErrorTag.OPERATION_FAILED, e.message())
                    .withAppTag(SYNC_EPOCH_APP_TAG);
            case StoreError.PeerBusy e -> Errors.application(ErrorTag.IN_USE, e.message());
            case StoreError.StorageFailed e -> Errors.application(ErrorTag.OPERATION_FAILED, e.message());
            case StoreError.Unsupported e -> Errors.protocol(ErrorTag.OPERATION_NOT_SUPPORTED, e.message());
        };
    }

    /** An error-path only when the refusal names a node. */
    private static RpcError located(RpcError error, String path) {
        boolean named = !"/".equals(path) && !path.isEmpty();
        return named ? error.withPath(Errors.path(path)) : error;
    }
}
