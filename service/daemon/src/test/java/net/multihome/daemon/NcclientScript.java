package net.multihome.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code src/test/resources/netconf_client.py}, real ncclient, against a lab's NETCONF forwarder. */
final class NcclientScript {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("src/test/resources/netconf_client.py").toAbsolutePath();

    /** What the script printed, and its exit status (0, or 3 for an rpc-error). */
    record Result(String output, int exit) {
        boolean ok() {
            return exit == 0;
        }
    }

    private NcclientScript() {
    }

    static boolean available() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import ncclient").start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** Runs the script against 127.0.0.1:{@code port}; its output goes through a file in {@code dir}. */
    static Result run(Path dir, int port, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), SCRIPT.toString(), Integer.toString(port)));
        command.addAll(List.of(args));
        Path out = dir.resolve("client.out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("netconf_client.py did not finish within 60 s");
        }
        return new Result(Files.readString(out), p.exitValue());
    }
}
