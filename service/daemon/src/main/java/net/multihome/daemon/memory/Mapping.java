package net.multihome.daemon.memory;

import java.util.Optional;

/**
 * One mapping of /proc/PID/maps (or a header line of smaps): its address range, permissions, the
 * file offset and inode it maps and the file's name. A file deleted or replaced since keeps its
 * old name with " (deleted)" after it, and its old inode.
 */
record Mapping(long start, long end, String permissions, long offset, long inode, String file) {

    long size() {
        return end - start;
    }

    /** A line as the kernel writes it; empty for any other line. */
    static Optional<Mapping> parse(String line) {
        String[] fields = line.trim().split("\\s+", 6);
        if (fields.length < 5) {
            return Optional.empty();
        }
        int dash = fields[0].indexOf('-');
        if (dash < 0 || fields[1].length() != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Mapping(Long.parseUnsignedLong(fields[0].substring(0, dash), 16),
                    Long.parseUnsignedLong(fields[0].substring(dash + 1), 16), fields[1],
                    Long.parseUnsignedLong(fields[2], 16), Long.parseUnsignedLong(fields[4]),
                    fields.length == 6 ? fields[5] : ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
