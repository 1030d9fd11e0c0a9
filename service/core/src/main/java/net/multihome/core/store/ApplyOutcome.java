package net.multihome.core.store;

import java.util.List;

/** What applying a configuration did: nothing to report, or the kernel's refusals in words. */
public record ApplyOutcome(List<String> errors) {
    private static final ApplyOutcome OK = new ApplyOutcome(List.of());

    public ApplyOutcome {
        errors = List.copyOf(errors);
    }

    public static ApplyOutcome ok() {
        return OK;
    }

    public static ApplyOutcome refused(List<String> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one error");
        }
        return new ApplyOutcome(errors);
    }

    public boolean isOk() {
        return errors.isEmpty();
    }
}
