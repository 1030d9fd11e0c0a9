package net.multihome.daemon.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Who may read the status: uid 0 and members of group {@code multihome}, by the peer's
 * credentials from SO_PEERCRED (its gid) and the supplementary groups in /proc/PID/status.
 * The group is looked up on each connection, so a group created after start counts.
 */
public final class PeerAccess {

    static final String GROUP = "multihome";

    private final Path etcGroup;
    private final Path proc;

    public PeerAccess(Path etcGroup, Path proc) {
        this.etcGroup = etcGroup;
        this.proc = proc;
    }

    public static PeerAccess system() {
        return new PeerAccess(Path.of("/etc/group"), Path.of("/proc"));
    }

    /** Empty when the peer may read, else the one line that tells it why not. */
    public Optional<String> refusal(int pid, int uid, int gid) {
        if (uid == 0) {
            return Optional.empty();
        }
        OptionalInt group = groupId();
        if (group.isPresent() && (gid == group.getAsInt() || supplementaryGroups(pid).contains(group.getAsInt()))) {
            return Optional.empty();
        }
        return Optional.of("multihome: permission denied: uid " + uid + " is neither root nor in group " + GROUP);
    }

    private OptionalInt groupId() {
        try {
            for (String line : Files.readAllLines(etcGroup)) {
                String[] fields = line.split(":", -1);
                if (fields.length >= 3 && fields[0].equals(GROUP)) {
                    return OptionalInt.of(Integer.parseInt(fields[2]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // No readable group file: only root may read.
        }
        return OptionalInt.empty();
    }

    private List<Integer> supplementaryGroups(int pid) {
        try {
            for (String line : Files.readAllLines(proc.resolve(Integer.toString(pid)).resolve("status"))) {
                if (line.startsWith("Groups:")) {
                    return Arrays.stream(line.substring("Groups:".length()).trim().split("\\s+"))
                            .filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The peer is gone or unreadable: its gid alone decides.
        }
        return List.of();
    }
}
