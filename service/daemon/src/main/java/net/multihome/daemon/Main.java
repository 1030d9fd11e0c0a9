package net.multihome.daemon;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entry point of {@code packaging/bin/multihome}: dispatches to one subcommand.
 * Exit status: 0 success, 1 the subcommand's own failure (an invalid configuration, no daemon),
 * 2 usage. Every error is one line on stderr; {@code --help} or {@code -h} prints usage on stdout.
 */
public final class Main {

    private static final Map<String, Command> COMMANDS = new TreeMap<>(Map.of(
            "validate", new ValidateCommand(),
            "daemon", new DaemonCommand(),
            "status", new StatusCommand(),
            "version", new VersionCommand()));
    private static final List<String> HELP = List.of("--help", "-h", "help");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("multihome: no command given (see multihome --help)");
            return 2;
        }
        if (HELP.contains(args[0])) {
            usage(out);
            return 0;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("multihome: unknown command '" + args[0] + "' (commands: "
                    + String.join(", ", COMMANDS.values().stream().map(Main::synopsis).toList())
                    + ", lab; see multihome --help)");
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.stream(rest).anyMatch(arg -> arg.equals("--help") || arg.equals("-h"))) {
            out.println("usage: multihome " + command.usage());
            return 0;
        }
        return command.run(rest, out, err);
    }

    private static void usage(PrintStream out) {
        out.println("usage: multihome COMMAND [ARGS]   (multihome COMMAND --help for one command)");
        COMMANDS.values().forEach(command -> out.println("  " + command.usage()));
        // Handled by the launcher script before Java starts; listed so usage is complete.
        out.println("  lab up|down|status|fail PROVIDER MODE|restore PROVIDER|stop-daemon|start-daemon   the demo lab");
    }

    /** The command's name and its positional arguments, up to the first option or description. */
    private static String synopsis(Command command) {
        String usage = command.usage();
        int end = usage.indexOf("  ");
        int option = usage.indexOf(" [");
        if (option >= 0 && (end < 0 || option < end)) {
            end = option;
        }
        return end < 0 ? usage : usage.substring(0, end);
    }
}
