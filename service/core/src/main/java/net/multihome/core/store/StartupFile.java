package net.multihome.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import net.multihome.core.config.ConfigError;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.ConfigReader;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.config.MultihomeConfig;
import net.multihome.core.secret.ConfigSecrets;
import net.multihome.core.secret.SecretBox;
import net.multihome.core.util.AtomicFiles;
import net.multihome.core.yang.ConfigXml;
import net.multihome.core.yang.XmlInputException;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code DIR/startup.xml}: the configuration the daemon starts from. Owner-only (mode 0600:
 * it holds password hashes and sealed SNMP passphrases).
 */
public final class StartupFile {

    public static final String NAME = "startup.xml";

    private final Path path;
    private final ConfigLoader loader;
    private final SecretBox secrets;

    public StartupFile(Path stateDirectory, ConfigLoader loader) {
        this.path = stateDirectory.resolve(NAME);
        this.loader = loader;
        this.secrets = new SecretBox(stateDirectory);
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

    /**
     * Reads the file as yangtools data, checked against the schema (not yet validated as a whole).
     * Clear secrets an administrator wrote into the file are sealed, and the file rewritten
     * with their stored forms before anything uses it.
     */
    public ContainerNode loadData() throws IOException, InvalidConfigException {
        Element multihome;
        try (InputStream in = Files.newInputStream(path)) {
            multihome = ConfigXml.multihomeElement(in);
        } catch (XmlInputException e) {
            throw new InvalidConfigException(List.of(new ConfigError("/", e.getMessage())));
        }
        if (multihome == null) {
            return null;
        }
        boolean sealed = ConfigSecrets.seal(multihome, secrets);
        ContainerNode content = loader.parseData(multihome);
        if (sealed) {
            save(serialize(multihome.getOwnerDocument()));
        }
        return content;
    }

    private static String serialize(Document document) throws IOException {
        try {
            StringWriter out = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out + "\n";
        } catch (TransformerException e) {
            throw new IOException("cannot write the configuration back: " + e.getMessage(), e);
        }
    }

    /** Replaces the file with a configuration document. */
    public void save(String configDocument) throws IOException {
        AtomicFiles.write(path, configDocument, AtomicFiles.PRIVATE);
    }
}
