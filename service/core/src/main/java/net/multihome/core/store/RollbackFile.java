package net.multihome.core.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.util.AtomicFiles;
import net.multihome.core.yang.ConfigXml;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * {@code DIR/confirmed-commit.rollback}: the running configuration to go back to while a
 * confirmed commit is pending. Written atomically and owner-only (it holds secrets, as startup
 * does): three header lines, a blank line, then the configuration document.
 */
final class RollbackFile {
    static final String NAME = "confirmed-commit.rollback";
    private static final String MAGIC = "multihome-confirmed-commit 1";

    /** What the file holds. */
    record Content(ContainerNode rollbackTo, Instant deadline, Optional<String> persistId) {
    }

    private final Path path;
    private final ConfigXml xml;
    private final ConfigLoader loader;

    RollbackFile(Path stateDirectory, ConfigXml xml, ConfigLoader loader) {
        this.path = stateDirectory.resolve(NAME);
        this.xml = xml;
        this.loader = loader;
    }

    Path path() {
        return path;
    }

    void write(Content content) throws IOException {
        String header = MAGIC + "\n"
                + "deadline " + content.deadline() + "\n"
                + "persist-id " + content.persistId()
                .map(p -> Base64.getEncoder().encodeToString(p.getBytes(StandardCharsets.UTF_8))).orElse("-")
                + "\n\n";
        AtomicFiles.write(path, header + xml.toConfigDocument(content.rollbackTo()), AtomicFiles.PRIVATE);
    }

    Optional<Content> read() throws IOException {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        String text = Files.readString(path, StandardCharsets.UTF_8);
        int body = text.indexOf("\n\n");
        String[] header = body < 0 ? new String[0] : text.substring(0, body).split("\n");
        if (header.length != 3 || !MAGIC.equals(header[0]) || !header[1].startsWith("deadline ")
                || !header[2].startsWith("persist-id ")) {
            throw new IOException(path + " is not a rollback file");
        }
        Instant deadline = Instant.parse(header[1].substring("deadline ".length()));
        String id = header[2].substring("persist-id ".length());
        Optional<String> persistId = "-".equals(id) ? Optional.empty()
                : Optional.of(new String(Base64.getDecoder().decode(id), StandardCharsets.UTF_8));
        try {
            ContainerNode rollbackTo = loader.parseData(
                    new ByteArrayInputStream(text.substring(body + 2).getBytes(StandardCharsets.UTF_8)));
            return Optional.of(new Content(rollbackTo, deadline, persistId));
        } catch (InvalidConfigException e) {
            throw new IOException(path + " holds a configuration that no longer parses: " + e.getMessage(), e);
        }
    }

    void delete() throws IOException {
        Files.deleteIfExists(path);
    }
}
