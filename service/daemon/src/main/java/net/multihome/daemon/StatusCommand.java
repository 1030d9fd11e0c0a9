package net.multihome.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import net.multihome.daemon.status.StatusClient;
import net.multihome.daemon.status.StatusServer;

/**
 * {@code multihome status [--json] [--socket PATH]}: asks the running daemon over its status
 * socket and prints the answer; exit 1 with one line when there is no daemon or it refuses.
 */
final class StatusCommand implements Command {

    static final Path DEFAULT_SOCKET = DaemonOptions.DEFAULT_RUNTIME_DIRECTORY.resolve(StatusServer.SOCKET_NAME);

    @Override
    public String usage() {
        return "status [--json] [--socket PATH]   the providers and the last pass, from the running daemon";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        boolean json = false;
        Path socket = DEFAULT_SOCKET;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--socket" -> {
                    if (i + 1 >= args.length) {
                        err.println("multihome status: option --socket needs a value");
                        return 2;
                    }
                    socket = Path.of(args[++i]);
                }
                default -> {
                    err.println("multihome status: unknown argument '" + args[i] + "' (see multihome status --help)");
                    return 2;
                }
            }
        }
        StatusClient.Answer answer;
        try {
            answer = StatusClient.ask(socket, json);
        } catch (StatusClient.NoDaemonException e) {
            err.println("multihome: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("multihome: status from " + socket + " failed: " + e.getMessage());
            return 1;
        }
        (answer.ok() ? out : err).print(answer.body());
        return answer.ok() ? 0 : 1;
    }
}
