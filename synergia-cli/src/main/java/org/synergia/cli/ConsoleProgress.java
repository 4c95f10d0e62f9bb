package org.synergia.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.synergia.cases.run.Progress;

/**
 * Shows a run's progress on stderr: a redrawn bar on a terminal, one line per event otherwise
 * (logs, CI). Silent with {@code --quiet}.
 */
final class ConsoleProgress implements Progress {

    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final Map<String, String> current = new ConcurrentHashMap<>();
    private volatile int done;
    private volatile int total;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
        this.terminal = System.console() != null && System.getenv("CI") == null;
    }

    @Override
    public synchronized void started(String caseId, int total) {
        this.total = total;
        current.put(caseId, "starting");
        show(caseId + ": started");
    }

    @Override
    public synchronized void step(String caseId, String what) {
        current.put(caseId, what);
        if (terminal) {
            show(caseId + ": " + what);
        }
    }

    @Override
    public synchronized void finished(String caseId, String status, int done, int total) {
        this.done = done;
        current.remove(caseId);
        show(caseId + ": " + status);
    }

    private void show(String event) {
        double seconds = (System.nanoTime() - start) / 1e9;
        int filled = total == 0 ? 0 : WIDTH * done / total;
        String bar = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " cases "
                + String.format("%5.1fs", seconds) + "  ";
        if (terminal) {
            String line = bar + event;
            err.print("\r" + (line.length() > 100 ? line.substring(0, 100) : line) + "\u001b[K");
            if (done == total) {
                err.println();
            }
        } else {
            err.println("synergia: " + bar + event);
        }
        err.flush();
    }
}
