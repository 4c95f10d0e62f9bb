package org.synergia.web.analyst;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.synergia.cases.run.Failures;
import org.synergia.cases.run.Progress;
import org.synergia.cases.run.RunPipeline;
import org.synergia.cases.spec.AnalysisSpec;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.cases.store.ResultsStore;
import org.synergia.data.InputException;
import org.synergia.data.ReasonTexts;

/**
 * Analyses of analysts' own surveys, run one at a time in the background by the same pipeline as
 * the main job, each into its own private folder {@code <workspace>/analyst/jobs/<id>/}. Every
 * change of state is recorded in a {@link JobStore}, so a restarted server shows the jobs it had,
 * with their results; jobs that were waiting or running when it stopped come back
 * {@link Status#INTERRUPTED}.
 */
public final class Jobs implements AutoCloseable {

    /**
     * A job's state: {@code DONE} when every planned estimation gave estimates, {@code PARTIAL} when some failed (the job's
     * message says which), {@code FAILED} when none gave any.
     */
    public enum Status { MAPPING, QUEUED, RUNNING, DONE, PARTIAL, FAILED, INTERRUPTED }

    /** How many failed estimations a job's message lists by name. */
    private static final int FAILURES_LISTED = 5;

    /** One analysis of an uploaded survey. */
    public static final class Job {
        private final String id;
        private final String owner;
        private final String caseId;
        private final CaseSpec spec;
        private final Path upload;
        private final String fileName;
        private final Path results;
        private final Instant created;
        private volatile Status status = Status.MAPPING;
        private volatile String progress = "";
        private volatile String message = "";
        private volatile Map<String, String> messages = Map.of();
        private volatile boolean published;
        private List<EstimateRecord> estimates;

        Job(String id, String owner, String caseId, CaseSpec spec, Path upload, String fileName, Path results, Instant created) {
            this.id = id;
            this.owner = owner;
            this.caseId = caseId;
            this.spec = spec;
            this.upload = upload;
            this.fileName = fileName;
            this.results = results;
            this.created = created;
        }

        /** @return the job's identifier */
        public String id() { return id; }
        /** @return the account that uploaded the survey */
        public String owner() { return owner; }
        /** @return the identifier of the case whose plan runs */
        public String caseId() { return caseId; }
        /** @return the case whose plan runs, or null when the server no longer offers it */
        public CaseSpec spec() { return spec; }
        /** @return the uploaded file's original name */
        public String fileName() { return fileName; }
        /** @return the state */
        public Status status() { return status; }
        /** @return the last progress step */
        public String progress() { return progress; }
        /** @return why it failed, or empty */
        public String message() { return message; }
        /**
         * @param language a page language ({@code en}, {@code es}, {@code fr})
         * @return why it failed in that language when the failure's text was kept in it (until a restart), else {@link #message()}
         */
        public String message(String language) { return messages.getOrDefault(language, message); }
        /** @return whether an admin published the results */
        public boolean published() { return published; }
        /** @return whether it finished with estimates ({@code DONE} or {@code PARTIAL}) */
        public boolean hasResults() {
            return status == Status.DONE || status == Status.PARTIAL;
        }

        /** @return the estimates, once done (read from the job's results database on first use after a restart) */
        public synchronized List<EstimateRecord> estimates() {
            if (!hasResults()) {
                return List.of();
            }
            if (estimates == null) {
                try (ResultsStore store = ResultsStore.open(results.resolve(RunPipeline.DATABASE))) {
                    estimates = List.copyOf(store.estimates(caseId));
                }
            }
            return estimates;
        }

        Path upload() { return upload; }

        /** @return a message with the stored upload's path and name replaced by the name the analyst gave the file */
        String shown(String message) {
            return message.replace(upload.toString(), fileName).replace(upload.getFileName().toString(), fileName);
        }

        JobStore.Row row() {
            return new JobStore.Row(id, owner, caseId, upload.getFileName().toString(), fileName, status, message, published, created);
        }
    }

    private final Path folder;
    private final Path uploads;
    private final String version;
    private final JobStore store;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private boolean closed;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "synergia-analyst-jobs");
        t.setDaemon(true);
        return t;
    });

    /**
     * Opens the jobs recorded in the database, marking those that were waiting or running when
     * the server last stopped as interrupted.
     *
     * @param database the jobs' database file
     * @param folder where jobs keep their results
     * @param uploads the protected folder of the uploaded surveys
     * @param cases the cases analysts may run, by identifier
     * @param version Synergia's version
     */
    public Jobs(Path database, Path folder, Path uploads, Map<String, CaseSpec> cases, String version) {
        this.folder = folder;
        this.uploads = uploads;
        this.version = version;
        this.store = new JobStore(database);
        store.interruptUnfinished();
        for (JobStore.Row r : store.load()) {
            Job j = new Job(r.id(), r.owner(), r.caseId(), cases.get(r.caseId()), uploads.resolve(r.upload()), r.fileName(),
                    folder.resolve(r.id()), r.created());
            j.status = r.status();
            j.message = r.message();
            j.published = r.published();
            if (j.spec == null && j.status == Status.MAPPING) {
                fail(j, "the case " + r.caseId() + " is no longer offered by this server; upload the survey for another case");
            } else if (j.hasResults() && !Files.isRegularFile(j.results.resolve(RunPipeline.DATABASE))) {
                fail(j, "the results of this job are missing from the server's jobs folder; run the analysis again");
            }
            if (j.status != Status.MAPPING) {
                deleteUpload(j);
            }
            jobs.put(j.id(), j);
        }
    }

    private void fail(Job j, String message) {
        j.message = message;
        j.status = Status.FAILED;
        store.save(j.row());
    }

    /**
     * @param owner the analyst
     * @param spec the case
     * @param upload the validated survey file, inside the uploads folder
     * @param fileName its original name
     * @return the new job, waiting for its variable mapping
     */
    public synchronized Job create(String owner, CaseSpec spec, Path upload, String fileName) {
        if (!upload.toAbsolutePath().normalize().getParent().equals(uploads.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException(upload + " is not in the uploads folder " + uploads);
        }
        String id = Sessions.token().substring(0, 16);
        Job j = new Job(id, owner, spec.id(), spec, upload, fileName, folder.resolve(id), Instant.now());
        jobs.put(j.id(), j);
        store.save(j.row());
        return j;
    }

    /** Records a job's new state, unless the server is closing (its last state is then already recorded). */
    private synchronized void record(Job job, Status status) {
        job.status = status;
        if (!closed) {
            store.save(job.row());
        }
        if (status != Status.MAPPING && status != Status.QUEUED && status != Status.RUNNING) {
            deleteUpload(job);
        }
    }

    /** A job that has ended needs its survey no more: the uploaded file is deleted (the results keep no survey value). */
    private static void deleteUpload(Job job) {
        try {
            Files.deleteIfExists(job.upload());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not delete the uploaded survey of job " + job.id() + ": " + e.getMessage(), e);
        }
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
     * @return whether it was queued now (false when an earlier request already started it)
     */
    public boolean start(Job job, Map<String, String> mapping) {
        synchronized (this) {
            if (job.status != Status.MAPPING) {
                return false; // already started: a repeated request starts nothing
            }
            record(job, Status.QUEUED);
        }
        CaseSpec s = job.spec();
        CaseSpec withData = new CaseSpec(s.id(), s.country(), s.region(), s.title(), s.summary(), s.programmes(), s.design(),
                new CaseSpec.DataSource(Optional.of(job.upload().toString()), Map.copyOf(mapping)), s.simulation(), s.outcomes(), s.plan(),
                s.multipleTesting(), s.localEconomy(), s.institutional(), s.findings(), s.recommendations(), s.sources(), s.file(), s.sha256());
        runner.submit(() -> run(job, withData));
        return true;
    }

    private void run(Job job, CaseSpec spec) {
        record(job, Status.RUNNING);
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
                    var diagnostics = store.diagnostics(spec.id());
                    Map<String, String> texts = new LinkedHashMap<>();
                    for (Locale l : ReasonTexts.LANGUAGES) {
                        Failures.text(diagnostics, "", "", l.getLanguage()).ifPresent(t -> texts.put(l.getLanguage(), t));
                    }
                    failed(job, record.get().message(), texts);
                    return;
                }
                List<EstimateRecord> estimates = List.copyOf(store.estimates(spec.id()));
                List<String> failures = store.diagnostics(spec.id()).stream()
                        .filter(d -> d.key().equals(Failures.KEY) && !d.analysisId().isEmpty())
                        .map(d -> d.analysisId() + (d.outcome().isEmpty() ? "" : " / " + d.outcome()) + ": " + d.value()).toList();
                if (estimates.isEmpty()) {
                    failed(job, failures.isEmpty() ? "the analysis plan gave no estimate" : "every estimation failed: "
                            + listed(failures), Map.of());
                    return;
                }
                synchronized (job) {
                    job.estimates = estimates;
                }
                if (!failures.isEmpty()) {
                    job.message = job.shown(failures.size() + " estimation" + (failures.size() == 1 ? "" : "s") + " failed: "
                            + listed(failures));
                    record(job, Status.PARTIAL);
                    return;
                }
            }
            record(job, Status.DONE);
        } catch (RuntimeException e) {
            Map<String, String> texts = new LinkedHashMap<>();
            if (e instanceof InputException refusal) {
                for (Locale l : ReasonTexts.LANGUAGES) {
                    texts.put(l.getLanguage(), refusal.message(l, AnalysisSpec.OPTION_STYLE));
                }
            }
            failed(job, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), texts);
        }
    }

    /** Marks the job failed with its reason (in English, and in the languages given), naming the upload by its file name. */
    private void failed(Job job, String english, Map<String, String> texts) {
        Map<String, String> named = new LinkedHashMap<>();
        texts.forEach((lang, t) -> named.put(lang, job.shown(t)));
        job.messages = Map.copyOf(named);
        job.message = named.getOrDefault("en", job.shown(english));
        record(job, Status.FAILED);
    }

    private static String listed(List<String> failures) {
        String shown = String.join("; ", failures.subList(0, Math.min(FAILURES_LISTED, failures.size())));
        return failures.size() > FAILURES_LISTED ? shown + "; and " + (failures.size() - FAILURES_LISTED) + " more" : shown;
    }

    /** @param job a finished job whose results become public */
    public synchronized void publish(Job job) {
        job.published = true;
        store.save(job.row());
    }

    /** Stops the runner; a job still waiting or running is recorded as interrupted. */
    @Override
    public synchronized void close() {
        runner.shutdownNow();
        for (Job j : jobs.values()) {
            if (j.status == Status.QUEUED || j.status == Status.RUNNING) {
                j.status = Status.INTERRUPTED;
                store.save(j.row());
                deleteUpload(j);
            }
        }
        closed = true;
    }
}
