package net.multihome.daemon.pair;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.pair.ConntrackdConf;
import net.multihome.core.pair.KeepalivedConf;
import net.multihome.core.pair.PairFiles;
import net.multihome.core.pair.TrackValue;
import net.multihome.core.status.ProviderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the pair's files when their content changes: keepalived.conf and conntrackd.conf when
 * the configuration does, the track value when the providers' states do. Called by the reconcile
 * loop's owner thread alone; each write is one small file in the runtime directory.
 */
public final class PairFileWriter {

    private static final Logger LOG = LoggerFactory.getLogger(PairFileWriter.class);

    private final PairFiles files;
    private final Map<Path, String> written = new HashMap<>();

    public PairFileWriter(PairFiles files) {
        this.files = files;
    }

    public PairFiles files() {
        return files;
    }

    /** Renders both configurations from {@code config}; nothing when it has no redundancy section. */
    public void configure(MultihomeConfig config) {
        if (config.pair().isEmpty()) {
            return;
        }
        update(files.keepalivedConf(), KeepalivedConf.render(config, files));
        update(files.conntrackdConf(), ConntrackdConf.render(config, files));
    }

    /** Writes the track value for the providers' states of the last pass or health update. */
    public void providers(MultihomeConfig config, List<ProviderStatus> providers) {
        config.pair().ifPresent(pair -> update(files.track(), TrackValue.of(pair, providers) + "\n"));
    }

    private void update(Path file, String content) {
        if (content.equals(written.get(file))) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, content);
            written.put(file, content);
            LOG.info("redundancy: wrote {}{}", file,
                    file.equals(files.track()) ? " (" + content.strip() + ")" : "");
        } catch (IOException e) {
            LOG.error("redundancy: cannot write {}: {}", file, e.toString());
        }
    }
}
