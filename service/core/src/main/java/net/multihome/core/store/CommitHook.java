package net.multihome.core.store;

import java.util.Optional;
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

    /** Who changes running; configuration sync pushes the changes of a client and of the server. */
    sealed interface Origin {
        /** A client's edit-config or copy-config of running, or its commit. */
        record Client(ClientSession session) implements Origin {
        }

        /** A push of the peer: a commit carrying {@code base}, the epoch the push was made on. */
        record PeerPush(ClientSession session, long base) implements Origin {
        }

        /** The server's own change: the rollback of a client's confirmed commit, the reload of startup. */
        record Server() implements Origin {
        }

        /**
         * Configuration sync's own change, which the peer runs already: the epoch sync-to-peer
         * takes, the rollback of a push of the peer that was not confirmed. Never pushed.
         */
        record Sync() implements Origin {
        }

        /** The client session behind the change; empty for the server's and sync's own. */
        default Optional<ClientSession> client() {
            return switch (this) {
                case Client c -> Optional.of(c.session());
                case PeerPush p -> Optional.of(p.session());
                case Server s -> Optional.empty();
                case Sync s -> Optional.empty();
            };
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
