package net.multihome.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.ConfigReader;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.util.AtomicFiles;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * {@code DIR/startup.xml}: the configuration the daemon starts from. Owner-only (it holds
 * password hashes and SNMP passphrases).
 */
public final class StartupFile {

    public static final String NAME = "startup.xml";

    private final Path path;
    private final ConfigLoader loader;

    public StartupFile(Path stateDirectory, ConfigLoader loader) {
        this.path = stateDirectory.resolve(NAME);
        this.loader = loader;
    }

    public Path path() {
        return path;
    }

    /**
     * Creates the file from the factory configuration when it does not exist yet. The factory
     * file must itself be valid: nothing is written otherwise.
     *
     * @return whether the file was created
     */
    public boolean createFrom(Path factory) throws IOException, InvalidConfigException {
        if (Files.exists(path)) {
            return false;
        }
        byte[] content = Files.readAllBytes(factory);
        try (InputStream in = Files.newInputStream(factory)) {
            loader.load(in);
        }
        AtomicFiles.write(path, content, AtomicFiles.PRIVATE);
        return true;
    }

    /** Reads and validates the file. */
    public MultihomeConfig load() throws IOException, InvalidConfigException {
        return ConfigReader.read(loadData());
    }

    /** Reads the file as yangtools data, checked against the schema (not yet validated as a whole). */
    public ContainerNode loadData() throws IOException, InvalidConfigException {
        try (InputStream in = Files.newInputStream(path)) {
            return loader.parseData(in);
        }
    }

    /** Replaces the file with a configuration document. */
    public void save(String configDocument) throws IOException {
        AtomicFiles.write(path, configDocument, AtomicFiles.PRIVATE);
    }
}
