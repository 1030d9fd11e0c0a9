package net.multihome.core.store;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of one commit.
 *
 * @param confirmed whether this is a confirmed commit
 * @param timeout the confirm-timeout; {@link ConfigStore#DEFAULT_CONFIRM_TIMEOUT} when absent
 * @param persist a token that lets any session confirm or cancel, and keeps the commit alive
 *     when this session ends
 * @param persistId the token of the pending commit this commit confirms or extends
 */
public record CommitRequest(boolean confirmed, Optional<Duration> timeout, Optional<String> persist,
                            Optional<String> persistId) {
    public CommitRequest {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(persist, "persist");
        Objects.requireNonNull(persistId, "persistId");
    }

    public static CommitRequest plain() {
        return new CommitRequest(false, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
