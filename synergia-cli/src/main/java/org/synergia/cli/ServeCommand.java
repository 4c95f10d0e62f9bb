package org.synergia.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.synergia.cases.run.Progress;
import org.synergia.cases.run.RunPipeline;
import org.synergia.cases.run.RunSummary;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.report.i18n.Messages;
import org.synergia.web.server.PortalServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code synergia serve}: the portal (public pages, downloads and JSON API) over a workspace,
 * running the main job first when the workspace has no results yet.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the portal (pages in English, Spanish and French, downloads, JSON API) over a workspace;"
                + " runs the main job first when the workspace is empty.")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "the port (default: ${DEFAULT-VALUE}; 0 for any free port)")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "the address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface)")
    String host;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "synergia-out", description = "the workspace folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port takes 0 to 65535; got " + port);
        }
        PrintWriter err = spec.commandLine().getErr();
        List<CaseSpec> cases = CaseCatalogue.all();
        if (!Files.exists(out.resolve(RunPipeline.DATABASE))) {
            if (!global.quiet()) {
                err.println("synergia: " + out + " has no results yet; running the main job first");
                err.flush();
            }
            Progress progress = global.quiet() ? Progress.NONE : new ConsoleProgress(err);
            RunSummary summary = RunPipeline.run(new RunPipeline.Options(cases, null, out, null, global.threads(), SynergiaCli.version()),
                    progress);
            Publication.publish(cases, summary.database(), out, Messages.LANGUAGES, global, err);
        }
        PortalServer server = PortalServer.start(out, cases, SynergiaCli.version(), host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        err.println("synergia: serving " + out + " at http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port()
                + "/ (Ctrl-C to stop)");
        err.flush();
        stopped.await();
        return 0;
    }
}
