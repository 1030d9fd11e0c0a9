package net.multihome.core.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The parameters of one commit.
 *
 * @param confirmed whether this is a confirmed commit
 * @param timeout the confirm-timeout; {@link ConfigStore#DEFAULT_CONFIRM_TIMEOUT} when absent
 * @param persist a token that lets any session confirm or cancel, and keeps the commit alive
 *     when this session ends
 * @param persistId the token of the pending commit this commit confirms or extends
 * @param syncBase present when the peer of a redundant pair pushes its configuration: the
 *     epoch the push was made on
 */
public record CommitRequest(boolean confirmed, Optional<Duration> timeout, Optional<String> persist,
                            Optional<String> persistId, OptionalLong syncBase) {
    public CommitRequest {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(persist, "persist");
        Objects.requireNonNull(persistId, "persistId");
        Objects.requireNonNull(syncBase, "syncBase");
    }

    /** A commit of a client, not of the peer. */
    public CommitRequest(boolean confirmed, Optional<Duration> timeout, Optional<String> persist,
                         Optional<String> persistId) {
        this(confirmed, timeout, persist, persistId, OptionalLong.empty());
    }

    public static CommitRequest plain() {
        return new CommitRequest(false, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
