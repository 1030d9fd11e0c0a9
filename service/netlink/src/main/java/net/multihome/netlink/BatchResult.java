package net.multihome.netlink;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Outcome of a {@link NetlinkBatch}: entry {@code i} is empty when request {@code i}
 * succeeded and holds the kernel's refusal otherwise.
 */
public record BatchResult(List<Optional<NetlinkException>> results) {

    public BatchResult {
        results = List.copyOf(results);
    }

    public boolean allSucceeded() {
        return results.stream().allMatch(Optional::isEmpty);
    }

    /** Indexes of the requests that failed, ascending. */
    public List<Integer> failedIndexes() {
        return IntStream.range(0, results.size()).filter(i -> results.get(i).isPresent()).boxed().toList();
    }

    public Optional<NetlinkException> error(int index) {
        return results.get(index);
    }

    public int size() {
        return results.size();
    }
}
