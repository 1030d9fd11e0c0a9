package net.multihome.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code multihome version}: the version the build stamped into version.properties. */
final class VersionCommand implements Command {

    static String version() {
        try (InputStream in = VersionCommand.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String usage() {
        return "version           print the version";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 0) {
            err.println("multihome version: unexpected argument '" + args[0] + "'");
            return 2;
        }
        out.println("multihome " + version());
        return 0;
    }
}
