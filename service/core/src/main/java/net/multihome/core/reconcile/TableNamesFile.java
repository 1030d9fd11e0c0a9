package net.multihome.core.reconcile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import net.multihome.core.util.AtomicFiles;

/**
 * The rt_tables.d file that names our tables for {@code ip} ({@code 101 T1}), rewritten
 * atomically only when its content changes.
 */
public final class TableNamesFile {

    /** Where iproute2 looks for extra table names. */
    public static final Path DEFAULT = Path.of("/etc/iproute2/rt_tables.d/multihome.conf");

    private final Path path;

    public TableNamesFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** Rewrites the file when {@code names} differ from it; empty when done, else what failed. */
    Optional<PassError> write(Map<Long, String> names) {
        StringBuilder text = new StringBuilder("# Written by multihome: its providers' routing tables.\n");
        names.forEach((id, name) -> text.append(id).append('\t').append(name).append('\n'));
        try {
            if (Files.exists(path) && Files.readString(path, StandardCharsets.UTF_8).contentEquals(text)) {
                return Optional.empty();
            }
            AtomicFiles.write(path, text.toString(), AtomicFiles.PUBLIC);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new PassError.SettingFailed("cannot write table names to " + path, e.getMessage()));
        }
    }
}
