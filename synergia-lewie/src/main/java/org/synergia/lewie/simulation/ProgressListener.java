package org.synergia.lewie.simulation;

/** Receives Monte Carlo progress; called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * @param done draws finished so far
     * @param total draws requested
     */
    void progress(int done, int total);
}
