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
    public static String seedProviders() {
        return text("seed-providers.xml");
    }

    /** The seed management section. */
    public static String seedManagement() {
        return text("seed-management.xml");
    }
}
