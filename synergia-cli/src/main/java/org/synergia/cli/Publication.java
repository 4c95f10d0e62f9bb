package org.synergia.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.store.ResultsStore;
import org.synergia.microsim.cases.ZambiaScaleUp;
import org.synergia.report.ReportSet;
import org.synergia.report.documents.Workspace;
import org.synergia.synthesis.crosscase.CrossCaseSynthesis;
import org.synergia.web.site.SiteExport;

/**
 * What follows the evaluation of the cases in the main job and in {@code synergia report}: Zambia's
 * national scale-up microsimulation (when that case ran ok), the cross-case synthesis into the
 * results store, then the reports from the store, then the static portal into
 * {@code <workspace>/site/}.
 */
final class Publication {

    private Publication() {}

    /**
     * @param cases the cases' specifications
     * @param database the results database
     * @param workspace the workspace folder
     * @param languages the report languages
     * @param global the global options (threads, quiet)
     * @param err where progress goes
     * @return the reports written
     */
    static List<ReportSet.Written> publish(List<CaseSpec> cases, Path database, Path workspace, List<String> languages,
            GlobalOptions global, PrintWriter err) {
        Workspace content;
        try (ResultsStore store = ResultsStore.open(database)) {
            ZambiaScaleUp.runInMainJob(store);
            CrossCaseSynthesis.Result synthesis = CrossCaseSynthesis.synthesise(cases, store::estimates);
            store.replaceSynthesis(synthesis.pooled(), synthesis.studies());
            content = Workspace.load(store, cases, SynergiaCli.version());
        }
        int total = languages.size() * (cases.size() * 3 + 5);
        AtomicInteger done = new AtomicInteger();
        List<ReportSet.Written> written = ReportSet.write(content, workspace, languages, global.threads(), name -> {
            int d = done.incrementAndGet();
            if (!global.quiet() && (d % 10 == 0 || d == total)) {
                synchronized (err) {
                    err.println("synergia: reports " + d + "/" + total + " (" + name + ")");
                    err.flush();
                }
            }
        });
        SiteExport.write(workspace, cases, SynergiaCli.version());
        return written;
    }
}
