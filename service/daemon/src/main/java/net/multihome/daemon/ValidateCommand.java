package net.multihome.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.multihome.core.config.ConfigError;
import net.multihome.core.config.ConfigLoader;
import net.multihome.core.config.InvalidConfigException;
import net.multihome.core.yang.YangSchema;

/**
 * {@code multihome validate FILE}: checks a configuration file like {@code nginx -t}. Prints
 * {@code OK}, or each error as {@code path: message} and exits 1.
 */
final class ValidateCommand implements Command {

    @Override
    public String usage() {
        return "validate FILE     check a configuration file (<config> or <multihome> XML); exit 1 when invalid";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("usage: multihome " + usage());
            return 2;
        }
        Path file = Path.of(args[0]);
        try (InputStream in = Files.newInputStream(file)) {
            new ConfigLoader(YangSchema.load()).load(in);
            out.println("OK");
            return 0;
        } catch (InvalidConfigException e) {
            for (ConfigError error : e.errors()) {
                out.println(file + ": " + error.path() + ": " + error.message());
            }
            return 1;
        } catch (IOException e) {
            err.println("multihome: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
    }
}
