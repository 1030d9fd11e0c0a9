package net.multihome.core.store;

/**
 * Why the store refused an operation, in protocol-neutral terms; each protocol maps these to
 * its own error form (NETCONF: rpc-error). {@link #message()} is a sentence a person understands.
 */
public sealed interface StoreError {

    String message();

    /**
     * A value the YANG model or the configuration rules refuse.
     *
     * @param path instance path in NETCONF error-path form; "/" when it names no node
     */
    record InvalidValue(String path, String message) implements StoreError {
    }

    /** An element the model does not know; {@code path} is its parent's. */
    record UnknownElement(String path, String message) implements StoreError {
    }

    /** State data (config false) given as configuration. */
    record StateData(String path, String message) implements StoreError {
    }

    /** Another session holds the datastore's lock. */
    record LockDenied(Datastore datastore, long holder) implements StoreError {
        @Override
        public String message() {
            return "the " + datastore.yangName() + " datastore is already locked by session " + holder;
        }
    }

    /** The candidate holds another session's uncommitted changes, so it cannot be locked. */
    record CandidateChanged(long owner) implements StoreError {
        @Override
        public String message() {
            return "the candidate holds uncommitted changes of session " + owner + "; commit or discard them first";
        }
    }

    /** Unlock of a datastore nobody locked. */
    record NotLocked(Datastore datastore) implements StoreError {
        @Override
        public String message() {
            return "the " + datastore.yangName() + " datastore is not locked";
        }
    }

    /** Unlock of a datastore another session locked. */
    record LockedByOther(Datastore datastore, long holder) implements StoreError {
        @Override
        public String message() {
            return "the " + datastore.yangName() + " datastore is locked by session " + holder;
        }
    }

    /** A change of a datastore another session has locked. */
    record InUse(Datastore datastore, long holder) implements StoreError {
        @Override
        public String message() {
            return "the " + datastore.yangName() + " datastore is locked by session " + holder;
        }
    }

    /** cancel-commit without a pending confirmed commit. */
    record NoPendingCommit() implements StoreError {
        @Override
        public String message() {
            return "no confirmed commit is pending";
        }
    }

    /** A persist-id given, missing or wrong for the pending confirmed commit. */
    record ConfirmMismatch(String message) implements StoreError {
    }

    /** A confirmed commit without persist belongs to its session: no other may confirm or cancel it. */
    record ConfirmPending(long owner) implements StoreError {
        @Override
        public String message() {
            return "a confirmed commit of session " + owner + " is pending; only that session can confirm or cancel it";
        }
    }

    /** The kernel refused the configuration; running stays as it was. */
    record ApplyRefused(String message) implements StoreError {
    }

    /** Configuration sync refused a push of the peer by its epochs (split brain, or not newer). */
    record SyncRefused(String message) implements StoreError {
    }

    /** The peer of a pair is committing a change of its own at the same moment; retry. */
    record PeerBusy(String message) implements StoreError {
    }

    /** A file of the store could not be read or written. */
    record StorageFailed(String message) implements StoreError {
    }

    /** An operation this datastore does not have. */
    record Unsupported(String message) implements StoreError {
    }
}
