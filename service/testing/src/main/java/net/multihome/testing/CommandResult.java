package net.multihome.testing;

import java.util.List;

/** What a finished command returned and printed (standard output and error, interleaved). */
public record CommandResult(List<String> command, int exitCode, String output) {

    public CommandResult {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The output; fails the test when the command did not exit 0. */
    public String orFail() {
        if (!succeeded()) {
            throw new AssertionError(String.join(" ", command) + " exited " + exitCode + ":\n" + output);
        }
        return output;
    }
}
