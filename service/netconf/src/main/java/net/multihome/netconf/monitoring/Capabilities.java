package net.multihome.netconf.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.multihome.core.yang.YangSchema;
import net.multihome.netconf.filter.WithDefaultsMode;

/** The capability URIs of the server hello: exactly what is implemented. */
public final class Capabilities {
    public static final String MONITORING_NS = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";
    public static final String NOTIFICATIONS_NS = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";

    private Capabilities() {
    }

    /** Every capability besides base:1.0 and base:1.1, which the transport adds. */
    public static List<String> of(YangSchema schema) {
        List<String> out = new ArrayList<>(List.of(
                "urn:ietf:params:netconf:capability:writable-running:1.0",
                "urn:ietf:params:netconf:capability:candidate:1.0",
                "urn:ietf:params:netconf:capability:confirmed-commit:1.1",
                "urn:ietf:params:netconf:capability:rollback-on-error:1.0",
                "urn:ietf:params:netconf:capability:validate:1.1",
                "urn:ietf:params:netconf:capability:startup:1.0",
                "urn:ietf:params:netconf:capability:notification:1.0",
                "urn:ietf:params:netconf:capability:interleave:1.0",
                WithDefaultsMode.CAPABILITY));
        for (ServedModules.ServedModule module : ServedModules.all(schema)) {
            out.add(module.namespace() + "?module=" + module.file().name() + "&revision=" + module.file().revision());
        }
        out.add("urn:ietf:params:netconf:capability:yang-library:1.1?revision=2019-01-04&content-id="
                + contentId());
        return List.copyOf(out);
    }

    /** RFC 8525 content-id: changes exactly when a served module text changes. */
    public static String contentId() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (YangSchema.ModuleFile module : ServedModules.files()) {
                digest.update(module.text().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
