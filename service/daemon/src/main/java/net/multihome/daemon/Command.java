package net.multihome.daemon;

import java.io.PrintStream;

/** One subcommand of {@code multihome}. */
interface Command {

    /** One usage line, starting with the command's name. */
    String usage();

    /** Runs with the arguments after the command's name; returns the exit status. */
    int run(String[] args, PrintStream out, PrintStream err);
}
