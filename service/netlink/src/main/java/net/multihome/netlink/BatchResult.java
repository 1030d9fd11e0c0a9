package net.multihome.netlink;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Outcome of a {@link NetlinkBatch}: entry {@code i} is what the kernel did with change
 * {@code i}.
 */
public record BatchResult(List<Change> changes, List<ApplyResult> results) {

    public BatchResult {
        changes = List.copyOf(changes);
        results = List.copyOf(results);
        if (changes.size() != results.size()) {
            throw new IllegalArgumentException(results.size() + " results for " + changes.size() + " changes");
        }
    }

    public boolean allSucceeded() {
        return results.stream().allMatch(ApplyResult::applied);
    }

    /** Indexes of the changes that failed, ascending. */
    public List<Integer> failedIndexes() {
        return IntStream.range(0, results.size()).filter(i -> !results.get(i).applied()).boxed().toList();
    }

    public Change change(int index) {
        return changes.get(index);
    }

    public ApplyResult result(int index) {
        return results.get(index);
    }

    /** The kernel's refusal of change {@code index}, or empty when it was applied. */
    public Optional<ApplyResult.Failed> failure(int index) {
        return results.get(index) instanceof ApplyResult.Failed f ? Optional.of(f) : Optional.empty();
    }

    public int size() {
        return results.size();
    }
}
