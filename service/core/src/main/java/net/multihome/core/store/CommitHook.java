package net.multihome.core.store;

import java.util.Optional;
import java.util.OptionalLong;
import net.multihome.core.config.MultihomeConfig;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * Takes part in every change of running, on the store's thread (configuration sync with the
 * peer of a redundant pair): it may rewrite the new content before validation, and refuse or
 * follow the change around the local apply.
 */
public interface CommitHook {
    /** Takes no part. */
    CommitHook NONE = new CommitHook() {
        @Override
        public ContainerNode prepare(ContainerNode before, ContainerNode next, Origin origin) {
            return next;
        }

        @Override
        public Transaction begin(ContainerNode before, ContainerNode next, MultihomeConfig config, Origin origin) {
            return Transaction.NONE;
        }
    };

    /**
     * Who changes running.
     *
     * @param session the client session; empty for the server's own changes (a rollback of a
     *     confirmed commit, a reload)
     * @param syncBase present for a push of the peer: the epoch it was made on
     */
    record Origin(Optional<ClientSession> session, OptionalLong syncBase) {
        public static Origin server() {
            return new Origin(Optional.empty(), OptionalLong.empty());
        }

        public static Origin client(ClientSession session) {
            return new Origin(Optional.of(session), OptionalLong.empty());
        }

        public boolean fromPeer() {
            return syncBase.isPresent();
        }
    }

    /** What follows the local apply. Neither method may throw. */
    interface Transaction {
        Transaction NONE = new Transaction() {
            @Override
            public void applied() {
            }

            @Override
            public void refused() {
            }
        };

        /** Running is now the new content. */
        void applied();

        /** The kernel refused; running stays as it was. */
        void refused();
    }

    /** Before validation: the content to validate and apply in place of {@code next}. */
    ContainerNode prepare(ContainerNode before, ContainerNode next, Origin origin) throws StoreException;

    /** After validation, before the local apply; a refusal leaves running as it is. */
    Transaction begin(ContainerNode before, ContainerNode next, MultihomeConfig config, Origin origin)
            throws StoreException;
}
