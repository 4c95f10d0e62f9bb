package org.synergia.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * A command run in-process by a test: its exit status and what it printed on stdout and stderr.
 *
 * @param status the exit status
 * @param out what the command printed on stdout
 * @param err what the command printed on stderr
 */
record CommandRun(int status, String out, String err) {

    /**
     * Runs a command through picocli, capturing its writers.
     *
     * @param cli the command line (a command, possibly with extra subcommands)
     * @param args the arguments
     * @return the run
     */
    static CommandRun of(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new CommandRun(status, out.toString(), err.toString());
    }

    /**
     * Runs the real entry point {@link SynergiaCli#execute} (with its error handlers), capturing
     * {@code System.out} and {@code System.err}.
     *
     * @param args the arguments, starting with the command
     * @return the run
     */
    static synchronized CommandRun ofEntryPoint(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = SynergiaCli.execute(args);
            System.out.flush();
            System.err.flush();
            return new CommandRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
