package net.multihome.core.yang;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.ir.IOSupport;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.source.SourceIdentifier;
import org.opendaylight.yangtools.yang.model.spi.source.YangIRSource;
import org.opendaylight.yangtools.yang.parser.api.YangParser;
import org.opendaylight.yangtools.yang.parser.api.YangParserConfiguration;
import org.opendaylight.yangtools.yang.parser.api.YangParserException;
import org.opendaylight.yangtools.yang.parser.impl.DefaultYangParserFactory;

/**
 * The multihome YANG modules, built once by yangtools from the copies packed in the jar: their
 * text for clients (get-schema), and the statement trees the build made of it
 * ({@link ModuleCompiler}) for the schema itself.
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

    /** Builds the schema from the packed modules. Fails only when the build packed a broken module. */
    public static YangSchema load() {
        YangParser parser = new DefaultYangParserFactory().createParser(YangParserConfiguration.DEFAULT);
        try {
            for (ModuleFile module : MODULES) {
                parser.addSource(module.compiled());
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

        /** The file {@link ModuleCompiler} writes the module's statement tree to. */
        String compiledFileName() {
            return fileName().replaceFirst("\\.yang$", ".ir");
        }

        public URL url() {
            return resource(fileName());
        }

        /** The module's statement tree as the build compiled it. */
        YangIRSource compiled() throws IOException {
            try (InputStream file = resource(compiledFileName()).openStream();
                    DataInputStream in = new DataInputStream(new BufferedInputStream(file))) {
                return new YangIRSource(new SourceIdentifier(name, revision), IOSupport.readStatement(in), fileName());
            }
        }

        private static URL resource(String fileName) {
            URL url = YangSchema.class.getResource("/yang/" + fileName);
            if (url == null) {
                throw new IllegalStateException("YANG module file " + fileName + " is missing from the jar");
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
