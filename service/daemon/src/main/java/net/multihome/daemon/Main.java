package net.multihome.daemon;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entry point of {@code packaging/bin/multihome}: dispatches to one subcommand.
 * Exit status: 0 success, 1 the subcommand's own failure (an invalid configuration), 2 usage.
 */
public final class Main {

    private static final Map<String, Command> COMMANDS = new TreeMap<>(Map.of(
            "validate", new ValidateCommand(),
            "daemon", new DaemonCommand()));

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !COMMANDS.containsKey(args[0])) {
            err.println(args.length == 0 ? "multihome: no command given" : "multihome: unknown command '" + args[0] + "'");
            err.println("usage: multihome COMMAND [ARGS]");
            COMMANDS.forEach((name, command) -> err.println("  " + command.usage()));
            // Handled by the launcher script before Java starts; listed so usage is complete.
            err.println("  lab up|down|fail PROVIDER MODE|restore PROVIDER|stop-daemon|start-daemon   the demo lab");
            return 2;
        }
        return COMMANDS.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }
}
