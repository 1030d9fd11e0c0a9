package net.multihome.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example configurations of the repository (packaging/examples), as tests read them. */
public final class Examples {

    private static final Path DIR = Path.of("../../packaging/examples");

    private Examples() {
    }

    public static String text(String name) {
        try {
            return Files.readString(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed recipe's providers (weights 5:1). */
    /** The seed providers with the local network translated and isp2's port 8080 forwarded to 198.51.100.10:80. */
    public static String seedTranslating() {
        return seedProviders().replaceFirst("<interface>eth0</interface>\\s*</local-network>",
                "<interface>eth0</interface><translate>true</translate></local-network>")
                .replace("</multihome>", "<port-forward><name>web</name><provider>isp2</provider><protocol>tcp</protocol>"
                        + "<port>8080</port><to-address>198.51.100.10</to-address><to-port>80</to-port></port-forward>"
                        + "</multihome>");
    }

    public static String seedProviders() {
        return text("seed-providers.xml");
    }

    /** The seed management section. */
    public static String seedManagement() {
        return text("seed-management.xml");
    }
}
