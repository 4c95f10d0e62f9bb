package org.synergia.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.synergia.data.InputException;
import org.synergia.data.OptionStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code synergia} command. Each subcommand is a thin layer over the library API; this
 * module is the only one that knows about argument parsing.
 */
@Command(
        name = "synergia",
        mixinStandardHelpOptions = true,
        versionProvider = SynergiaCli.Version.class,
        description = "Evaluates programmes that combine social protection with rural productive development.",
        subcommands = {RunCommand.class, ReportCommand.class, CasesCommand.class, ServeCommand.class, EstimateCommand.class,
            DescribeCommand.class, PowerCommand.class, LewieCommand.class, MicrosimCommand.class, DocsCommand.class})
public final class SynergiaCli implements Runnable {

    /** Exit status for bad usage (unknown option, missing argument). */
    static final int EXIT_USAGE = 2;
    /** Exit status for any other failure. */
    static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the command line and returns its exit status.
     *
     * @param args the arguments
     * @return 0 on success, 2 on bad usage, 1 on any other error
     */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new SynergiaCli());
        cli.setExecutionExceptionHandler(SynergiaCli::handleFailure);
        cli.setParameterExceptionHandler(SynergiaCli::handleBadUsage);
        return cli.execute(args);
    }

    /**
     * Entry point.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    private static int handleBadUsage(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("synergia: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                + " --help')");
        return EXIT_USAGE;
    }

    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof InputException refusal) {
            err.println("synergia: " + refusal.message(language(), OptionStyle.COMMAND_LINE));
        } else if (e instanceof CommandLine.ParameterException pe) {
            return handleBadUsage(pe, parsed.originalArgs().toArray(String[]::new));
        } else {
            err.println("synergia: internal error: " + e + " — please report it with the command you ran"
                    + " (set SYNERGIA_DEBUG=1 to print the stack trace)");
            if (System.getenv("SYNERGIA_DEBUG") != null) {
                e.printStackTrace(err);
            }
        }
        return EXIT_FAILURE;
    }

    /**
     * The language of refusals: the environment variable {@code SYNERGIA_LANG} or, before it, the
     * Java property {@code synergia.lang} ({@code en}, {@code es} or {@code fr}; English when unset
     * or another value).
     */
    static Locale language() {
        String lang = System.getProperty("synergia.lang", System.getenv("SYNERGIA_LANG"));
        return lang == null ? Locale.ENGLISH : Locale.forLanguageTag(lang.trim().toLowerCase(Locale.ROOT));
    }

    /** Reads the version from the jar's manifest (set by the build). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"synergia " + version()};
        }
    }

    /** @return Synergia's version, {@code 0.1.0} style; {@code dev} when run from classes */
    public static String version() {
        String v = SynergiaCli.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
