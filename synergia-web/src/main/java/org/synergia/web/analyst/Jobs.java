package org.synergia.web.analyst;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.synergia.cases.run.Progress;
import org.synergia.cases.run.RunPipeline;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.cases.store.ResultsStore;

/**
 * Analyses of analysts' own surveys, run one at a time in the background by the same pipeline as
 * the main job, each into its own private folder {@code <workspace>/analyst/jobs/<id>/}.
 */
public final class Jobs implements AutoCloseable {

    /** A job's state. */
    public enum Status { MAPPING, QUEUED, RUNNING, DONE, FAILED }

    /** One analysis of an uploaded survey. */
    public static final class Job {
        private final String id;
        private final String owner;
        private final CaseSpec spec;
        private final Path upload;
        private final String fileName;
        private volatile Status status = Status.MAPPING;
        private volatile String progress = "";
        private volatile String message = "";
        private volatile boolean published;
        private volatile List<EstimateRecord> estimates = List.of();

        Job(String id, String owner, CaseSpec spec, Path upload, String fileName) {
            this.id = id;
            this.owner = owner;
            this.spec = spec;
            this.upload = upload;
            this.fileName = fileName;
        }

        /** @return the job's identifier */
        public String id() { return id; }
        /** @return the account that uploaded the survey */
        public String owner() { return owner; }
        /** @return the case whose plan runs */
        public CaseSpec spec() { return spec; }
        /** @return the uploaded file's original name */
        public String fileName() { return fileName; }
        /** @return the state */
        public Status status() { return status; }
        /** @return the last progress step */
        public String progress() { return progress; }
        /** @return why it failed, or empty */
        public String message() { return message; }
        /** @return whether an admin published the results */
        public boolean published() { return published; }
        /** @return the estimates, once done */
        public List<EstimateRecord> estimates() { return estimates; }
        Path upload() { return upload; }
    }

    private final Path folder;
    private final String version;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "synergia-analyst-jobs");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param folder where jobs keep their results
     * @param version Synergia's version
     */
    public Jobs(Path folder, String version) {
        this.folder = folder;
        this.version = version;
    }

    /**
     * @param owner the analyst
     * @param spec the case
     * @param upload the validated survey file
     * @param fileName its original name
     * @return the new job, waiting for its variable mapping
     */
    public synchronized Job create(String owner, CaseSpec spec, Path upload, String fileName) {
        Job j = new Job(Sessions.token().substring(0, 16), owner, spec, upload, fileName);
        jobs.put(j.id(), j);
        return j;
    }

    /**
     * @param id a job identifier, as requested
     * @return the job
     */
    public synchronized Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** @return every job, oldest first */
    public synchronized List<Job> all() {
        return new ArrayList<>(jobs.values());
    }

    /**
     * Queues a job with its mapping from the plan's variable names to the survey's columns.
     *
     * @param job the job
     * @param mapping variable to column; identical names may be left out
     */
    public void start(Job job, Map<String, String> mapping) {
        CaseSpec s = job.spec();
        CaseSpec withData = new CaseSpec(s.id(), s.country(), s.region(), s.title(), s.summary(), s.programmes(), s.design(),
                new CaseSpec.DataSource(Optional.of(job.upload().toString()), Map.copyOf(mapping)), s.simulation(), s.outcomes(), s.plan(),
                s.multipleTesting(), s.localEconomy(), s.institutional(), s.findings(), s.recommendations(), s.sources(), s.file(), s.sha256());
        job.status = Status.QUEUED;
        runner.submit(() -> run(job, withData));
    }

    private void run(Job job, CaseSpec spec) {
        job.status = Status.RUNNING;
        Path out = folder.resolve(job.id());
        try {
            RunPipeline.run(new RunPipeline.Options(List.of(spec), null, out, null, 1, version), new Progress() {
                @Override
                public void started(String caseId, int total) {
                    job.progress = "started";
                }

                @Override
                public void step(String caseId, String what) {
                    job.progress = what;
                }

                @Override
                public void finished(String caseId, String status, int done, int total) {
                    job.progress = status;
                }
            });
            try (ResultsStore store = ResultsStore.open(out.resolve(RunPipeline.DATABASE))) {
                var record = store.cases().stream().filter(c -> c.caseId().equals(spec.id())).findFirst();
                if (record.isPresent() && record.get().status().equals("failed")) {
                    job.message = record.get().message().replace(job.upload().toString(), job.fileName());
                    job.status = Status.FAILED;
                    return;
                }
                job.estimates = store.estimates(spec.id());
            }
            job.status = Status.DONE;
        } catch (RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            job.message = m.replace(job.upload().toString(), job.fileName());
            job.status = Status.FAILED;
        }
    }

    /** @param job a finished job whose results become public */
    public void publish(Job job) {
        job.published = true;
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
