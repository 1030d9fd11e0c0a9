package net.multihome.core.yang;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.spi.source.URLYangTextSource;
import org.opendaylight.yangtools.yang.parser.api.YangParser;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;

/**
 * The multihome YANG modules, parsed once by yangtools from the copies packed in the jar.
 */
public final class YangSchema {

    public static final String NAMESPACE = "urn:multihome:yang:multihome";
    public static final String PREFIX = "mh";
    public static final String MODULE = "multihome";
    public static final String REVISION = "2026-11-28";
    public static final QNameModule QNAME_MODULE =
            QNameModule.of(XMLNamespace.of(NAMESPACE), Revision.of(REVISION));

    /** The modules a client needs, by name and revision (served by get-schema later). */
    public static final List<ModuleFile> MODULES = List.of(
            new ModuleFile(MODULE, REVISION),
            new ModuleFile("ietf-inet-types", "2013-07-15"),
            new ModuleFile("ietf-yang-types", "2013-07-15"),
            new ModuleFile("ietf-netconf-acm", "2018-02-14"));

    private final EffectiveModelContext context;

    private YangSchema(EffectiveModelContext context) {
        this.context = context;
    }

    /** Parses the packed modules. Fails only when the build packed a broken module. */
    public static YangSchema load() {
        YangParser parser = new DefaultYangParserFactory().createParser(YangParserConfiguration.DEFAULT);
        try {
            for (ModuleFile module : MODULES) {
                parser.addSource(new URLYangTextSource(
                        new SourceIdentifier(module.name(), module.revision()), module.url(), StandardCharsets.UTF_8));
            }
            return new YangSchema(parser.buildEffectiveModel());
        } catch (IOException | YangParserException e) {
            throw new IllegalStateException("the packed YANG modules do not parse: " + e.getMessage(), e);
        }
    }

    public EffectiveModelContext context() {
        return context;
    }

    /** A node name in the multihome module. */
    public static QName qname(String localName) {
        return QName.create(QNAME_MODULE, localName);
    }

    /** One module file packed under {@code /yang/} in the jar. */
    public record ModuleFile(String name, String revision) {

        public String fileName() {
            return name + "@" + revision + ".yang";
        }

        public URL url() {
            URL url = YangSchema.class.getResource("/yang/" + fileName());
            if (url == null) {
                throw new IllegalStateException("YANG module " + fileName() + " is missing from the jar");
            }
            return url;
        }

        /** The module's exact text. */
        public String text() throws IOException {
            try (InputStream in = url().openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
