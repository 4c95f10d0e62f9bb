package org.synergia.cases.run;

/** Receives the progress of a run, for a progress bar or a log. Calls may come from worker threads. */
public interface Progress {

    /** Ignores progress. */
    Progress NONE = new Progress() {
        @Override
        public void started(String caseId, int total) {}

        @Override
        public void step(String caseId, String what) {}

        @Override
        public void finished(String caseId, String status, int done, int total) {}
    };

    /**
     * A case started.
     *
     * @param caseId the case
     * @param total how many cases the run has
     */
    void started(String caseId, int total);

    /**
     * A case moved to its next step.
     *
     * @param caseId the case
     * @param what the step, in a few words
     */
    void step(String caseId, String what);

    /**
     * A case finished.
     *
     * @param caseId the case
     * @param status {@code ok}, {@code institutional} or {@code failed}
     * @param done how many cases have finished
     * @param total how many cases the run has
     */
    void finished(String caseId, String status, int done, int total);
}
