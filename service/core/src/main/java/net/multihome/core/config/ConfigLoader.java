package net.multihome.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.multihome.core.yang.ConfigDocumentCheck;
import net.multihome.core.yang.ConfigXml;
import net.multihome.core.yang.XmlInputException;
import net.multihome.core.yang.YangSchema;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Element;

/**
 * From configuration XML to a validated model, every refusal named by instance path: the
 * document's structure against the schema, each value against its YANG type, then the
 * rules of {@link ConfigReader}.
 */
public final class ConfigLoader {

    private static final Pattern REFUSED_VALUE = Pattern.compile("[Vv]alue '([^']*)'");

    private final ConfigXml xml;
    private final ConfigDocumentCheck check;

    public ConfigLoader(YangSchema schema) {
        this.xml = new ConfigXml(schema);
        this.check = new ConfigDocumentCheck(schema);
    }

    /** Reads a configuration document ({@code <config>} or {@code <multihome>}) and validates it. */
    public MultihomeConfig load(InputStream in) throws InvalidConfigException, IOException {
        return ConfigReader.read(parseData(in));
    }

    /** Parses a configuration document into yangtools data, checking structure and types only. */
    public ContainerNode parseData(InputStream in) throws InvalidConfigException, IOException {
        Element multihome;
        try {
            multihome = ConfigXml.multihomeElement(in);
        } catch (XmlInputException e) {
            throw new InvalidConfigException(List.of(new ConfigError("/", e.getMessage())));
        }
        return multihome == null ? null : parseData(multihome);
    }

    /** Parses a {@code <multihome>} element into yangtools data, checking structure and types only. */
    public ContainerNode parseData(Element multihome) throws InvalidConfigException {
        List<ConfigError> structural = check.structure(multihome).stream()
                .map(f -> new ConfigError(f.path(), f.message()))
                .toList();
        if (!structural.isEmpty()) {
            throw new InvalidConfigException(structural);
        }
        try {
            return xml.parse(multihome);
        } catch (XmlInputException e) {
            throw new InvalidConfigException(List.of(locate(multihome, e)));
        }
    }

    private ConfigError locate(Element multihome, XmlInputException e) {
        String message = firstLine(e.getMessage());
        Matcher value = REFUSED_VALUE.matcher(message);
        String path = value.find() ? check.pathOfValue(multihome, value.group(1)).orElse("/mh:multihome")
                : "/mh:multihome";
        return new ConfigError(path, message.replaceAll("\\s+", " ").strip());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "refused by the YANG model";
        }
        int messageAt = message.indexOf("Message: ");
        return messageAt >= 0 ? message.substring(messageAt + "Message: ".length()) : message;
    }
}
