package net.multihome.netconf.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import net.multihome.core.store.Datastore;
import net.multihome.core.store.StoreError;
import net.multihome.core.store.StoreException;
import net.multihome.netconf.rpc.ErrorInfo;
import net.multihome.netconf.rpc.ErrorTag;
import net.multihome.netconf.rpc.ErrorType;
import net.multihome.netconf.rpc.RpcError;
import org.junit.jupiter.api.Test;

/** Each refusal of the store as the rpc-error RFC 6241 asks for. */
class StoreErrorsTest {
    private static final String GATEWAY = "/mh:multihome/mh:provider[mh:name='isp1']/mh:ipv4/mh:gateway";

    private static RpcError only(StoreError error) {
        List<RpcError> errors = StoreErrors.rpcErrors(new StoreException(error));
        assertEquals(1, errors.size());
        return errors.getFirst();
    }

    @Test
    void invalidValuesAreApplicationErrorsAtTheirPath() {
        RpcError error = only(new StoreError.InvalidValue(GATEWAY, "outside the provider's network"));
        assertEquals(ErrorType.APPLICATION, error.type());
        assertEquals(ErrorTag.INVALID_VALUE, error.tag());
        assertEquals(GATEWAY, error.path().orElseThrow().xpath());
        assertEquals("outside the provider's network", error.message());
        assertEquals(Optional.empty(), only(new StoreError.InvalidValue("/", "not XML")).path());
        assertEquals(ErrorTag.UNKNOWN_ELEMENT, only(new StoreError.UnknownElement("/mh:multihome", "unknown")).tag());
        assertEquals(ErrorTag.BAD_ELEMENT, only(new StoreError.StateData("/mh:multihome", "state data")).tag());
    }

    @Test
    void lockRefusalsNameTheHoldingSession() {
        RpcError denied = only(new StoreError.LockDenied(Datastore.RUNNING, 7));
        assertEquals(ErrorType.PROTOCOL, denied.type());
        assertEquals(ErrorTag.LOCK_DENIED, denied.tag());
        assertEquals("the running datastore is already locked by session 7", denied.message());
        assertEquals(List.of(ErrorInfo.sessionId(7)), denied.info());
        assertEquals(ErrorTag.LOCK_DENIED, only(new StoreError.CandidateChanged(7)).tag());
        RpcError inUse = only(new StoreError.InUse(Datastore.CANDIDATE, 7));
        assertEquals(ErrorTag.IN_USE, inUse.tag());
        assertEquals(List.of(ErrorInfo.sessionId(7)), inUse.info());
        assertEquals(ErrorTag.OPERATION_FAILED, only(new StoreError.NotLocked(Datastore.STARTUP)).tag());
        assertEquals(ErrorTag.OPERATION_FAILED, only(new StoreError.LockedByOther(Datastore.STARTUP, 7)).tag());
    }

    @Test
    void confirmedCommitRefusalsAreProtocolErrors() {
        assertEquals(ErrorTag.OPERATION_FAILED, only(new StoreError.NoPendingCommit()).tag());
        RpcError mismatch = only(new StoreError.ConfirmMismatch("the persist-id does not match"));
        assertEquals(ErrorType.PROTOCOL, mismatch.type());
        assertEquals(ErrorTag.INVALID_VALUE, mismatch.tag());
        RpcError pending = only(new StoreError.ConfirmPending(3));
        assertEquals(ErrorTag.IN_USE, pending.tag());
        assertEquals(List.of(ErrorInfo.sessionId(3)), pending.info());
    }

    @Test
    void kernelAndFileFailuresAreApplicationOperationFailed() {
        RpcError kernel = only(new StoreError.ApplyRefused("RTNETLINK answers: File exists"));
        assertEquals(ErrorType.APPLICATION, kernel.type());
        assertEquals(ErrorTag.OPERATION_FAILED, kernel.tag());
        assertEquals("RTNETLINK answers: File exists", kernel.message());
        assertEquals(ErrorTag.OPERATION_FAILED, only(new StoreError.StorageFailed("cannot write")).tag());
        RpcError unsupported = only(new StoreError.Unsupported("use copy-config"));
        assertEquals(ErrorType.PROTOCOL, unsupported.type());
        assertEquals(ErrorTag.OPERATION_NOT_SUPPORTED, unsupported.tag());
    }
}
