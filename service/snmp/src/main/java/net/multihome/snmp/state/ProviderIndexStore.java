package net.multihome.snmp.state;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.multihome.core.util.AtomicFiles;

/**
 * Gives each provider name a table index that never changes: a new name gets one more than
 * the largest index ever handed out, and the map is saved before the index is used, so a
 * restart (or a provider removed and added back) keeps the row.
 */
public final class ProviderIndexStore {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderIndexStore.class);
    private static final String FILE = "snmp-provider-index.properties";

    private final Path file;
    private final Map<String, Integer> indexes;
    private int largest;

    private ProviderIndexStore(Path file, Map<String, Integer> indexes) {
        this.file = file;
        this.indexes = indexes;
        this.largest = indexes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Loads the map from {@code stateDirectory}, or starts empty when there is none yet. */
    public static ProviderIndexStore open(Path stateDirectory) {
        Path file = stateDirectory.resolve(FILE);
        Map<String, Integer> indexes = new HashMap<>();
        if (Files.exists(file)) {
            Properties saved = new Properties();
            try {
                saved.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            for (String name : saved.stringPropertyNames()) {
                try {
                    int index = Integer.parseInt(saved.getProperty(name).trim());
                    if (index > 0) {
                        indexes.put(name, index);
                    }
                } catch (NumberFormatException e) {
                    LOG.warn("ignoring bad index for provider {} in {}", name, file);
                }
            }
        }
        return new ProviderIndexStore(file, indexes);
    }

    /** The index of {@code name}, assigned and saved on first use. */
    public synchronized int indexOf(String name) {
        Integer known = indexes.get(name);
        if (known != null) {
            return known;
        }
        int index = ++largest;
        indexes.put(name, index);
        save();
        return index;
    }

    private void save() {
        Properties out = new Properties();
        indexes.forEach((name, index) -> out.setProperty(name, Integer.toString(index)));
        StringWriter text = new StringWriter();
        try {
            out.store(text, "provider name = mhProviderIndex; indexes are never reused");
            AtomicFiles.write(file, text.toString(), AtomicFiles.PRIVATE);
        } catch (IOException e) {
            // the index still holds for this run; it is retried with the next new provider
            LOG.warn("cannot save provider indexes to {}: {}", file, e.toString());
        }
    }
}
