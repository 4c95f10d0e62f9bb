package org.synergia.web.analyst;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.synergia.cases.spec.AnalysisSpec;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.InstrumentItems;
import org.synergia.cases.spec.OutcomeSpec;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.data.InputException;
import org.synergia.data.io.DatasetReaders;
import org.synergia.report.html.Html;
import org.synergia.report.i18n.Messages;
import org.synergia.web.site.Links;
import org.synergia.web.site.SiteLayout;

/**
 * The analyst area ({@code /analyst}): login with bcrypt-hashed accounts and a throttle, sessions
 * in HttpOnly, Secure, SameSite=Strict cookies, a CSRF token in every form, roles; analysts upload
 * a survey (CSV, .dta, .sav; size-limited and validated by the data readers), map the variables
 * the case's plan needs, run the analysis in the background and see the results privately until
 * an admin publishes them ({@code /published/{job}}, cells under {@value #MIN_CELL} observations
 * suppressed). The survey is never served back. Every action goes to the audit log.
 */
public final class AnalystArea implements AutoCloseable {

    /** The largest survey file accepted, in bytes. */
    public static final long MAX_UPLOAD = 20L * 1024 * 1024;
    /** Published estimates resting on fewer observations than this are suppressed. */
    public static final int MIN_CELL = 10;
    private static final String LOGIN_CSRF = "synergia_login_csrf";
    private static final Set<String> EXTENSIONS = Set.of("csv", "dta", "sav");

    private final Map<String, CaseSpec> cases = new LinkedHashMap<>();
    private final Accounts accounts;
    private final Sessions sessions = new Sessions();
    private final LoginThrottle throttle = new LoginThrottle(5, 15 * 60 * 1000L);
    private final AuditLog audit;
    private final Jobs jobs;
    private final Path uploads;
    private final String version;
    private final ExecutorService validator = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "synergia-upload-validation");
        t.setDaemon(true);
        return t;
    });
    /** At most two surveys are read at once, so a file that reads slowly cannot tie up the server. */
    private final Semaphore validations = new Semaphore(2);

    /**
     * @param workspace the workspace; the area keeps its files in {@code analyst/} there
     * @param specs the cases analysts may run
     * @param version Synergia's version
     */
    public AnalystArea(Path workspace, List<CaseSpec> specs, String version) {
        Path home = workspace.resolve("analyst");
        specs.stream().filter(s -> !s.institutionalOnly()).forEach(s -> cases.put(s.id(), s));
        this.accounts = new Accounts(home.resolve("accounts.tsv"));
        this.audit = new AuditLog(home.resolve("audit.log"));
        this.jobs = new Jobs(home.resolve("jobs"), version);
        this.uploads = home.resolve("uploads");
        this.version = version;
        String admin = System.getenv("SYNERGIA_ADMIN_PASSWORD");
        if (accounts.isEmpty() && admin != null && !admin.isBlank()) {
            accounts.put("admin", Role.ADMIN, admin);
            audit.record("-", "-", "create-admin", "ok", "admin from SYNERGIA_ADMIN_PASSWORD");
        }
    }

    /** @return the accounts, for set-up and tests */
    public Accounts accounts() {
        return accounts;
    }

    /** @return the jobs */
    public Jobs jobs() {
        return jobs;
    }

    @Override
    public void close() {
        jobs.close();
        validator.shutdownNow();
    }

    /**
     * Registers the area's routes.
     *
     * @param r the server's routes
     */
    public void routes(RoutesConfig r) {
        r.get("/analyst/login", this::loginForm);
        r.post("/analyst/login", this::login);
        r.post("/analyst/logout", ctx -> withSession(ctx, Role.VIEWER, s -> {
            sessions.close(ctx.cookie(Sessions.COOKIE));
            ctx.header("Set-Cookie", Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
            audit.record(s.account(), ctx.ip(), "logout", "ok", "");
            ctx.redirect("/analyst/login");
        }));
        r.get("/analyst", ctx -> withSession(ctx, Role.ANALYST, s -> dashboard(ctx, s, null)));
        r.post("/analyst/upload", ctx -> withSession(ctx, Role.ANALYST, s -> upload(ctx, s)));
        r.get("/analyst/jobs/{id}", ctx -> withSession(ctx, Role.ANALYST, s -> jobPage(ctx, s)));
        r.post("/analyst/jobs/{id}/run", ctx -> withSession(ctx, Role.ANALYST, s -> run(ctx, s)));
        r.post("/analyst/jobs/{id}/publish", ctx -> withSession(ctx, Role.ADMIN, s -> publish(ctx, s)));
        r.post("/analyst/accounts", ctx -> withSession(ctx, Role.ADMIN, s -> createAccount(ctx, s)));
        r.get("/published/{id}", this::published);
    }

    private interface SessionHandler {
        void handle(Sessions.Session s) throws Exception;
    }

    private void withSession(Context ctx, Role needed, SessionHandler handler) throws Exception {
        Optional<Sessions.Session> s = sessions.find(ctx.cookie(Sessions.COOKIE));
        if (s.isEmpty()) {
            ctx.redirect("/analyst/login");
            return;
        }
        if (!s.get().role().atLeast(needed)) {
            audit.record(s.get().account(), ctx.ip(), ctx.req().getMethod() + " " + ctx.path(), "refused", "role " + s.get().role());
            ctx.status(403).html(page("Not allowed", "<p>Your account may not use this page.</p>"));
            return;
        }
        boolean post = "POST".equals(ctx.req().getMethod());
        if (post && ctx.req().getContentLengthLong() > MAX_UPLOAD + 1024 * 1024) {
            audit.record(s.get().account(), ctx.ip(), "POST " + ctx.path(), "refused", "request of " + ctx.req().getContentLengthLong() + " bytes");
            ctx.status(413).html(page("Too large", "<p>The survey file is larger than 20 MB.</p>"));
            return;
        }
        if (post && !s.get().csrfMatches(formField(ctx, "csrf"))) {
            audit.record(s.get().account(), ctx.ip(), ctx.req().getMethod() + " " + ctx.path(), "refused", "missing or wrong CSRF token");
            ctx.status(403).html(page("Not allowed", "<p>The form has expired. Go back, reload it and try again.</p>"));
            return;
        }
        handler.handle(s.get());
    }

    private static String formField(Context ctx, String name) {
        try {
            return ctx.formParam(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void loginForm(Context ctx) {
        String token = Sessions.token();
        ctx.header("Set-Cookie", LOGIN_CSRF + "=" + token + "; Path=/analyst/login; HttpOnly; Secure; SameSite=Strict");
        ctx.html(page("Analyst login", "<form method=\"post\" action=\"/analyst/login\"><input type=\"hidden\" name=\"csrf\" value=\""
                + token + "\"><p><label for=\"user\">Account</label> <input id=\"user\" name=\"user\" autocomplete=\"username\" required></p>"
                + "<p><label for=\"password\">Password</label> <input id=\"password\" name=\"password\" type=\"password\""
                + " autocomplete=\"current-password\" required></p><p><button type=\"submit\">Log in</button></p></form>"));
    }

    private void login(Context ctx) {
        String ip = ctx.ip();
        String user = formField(ctx, "user");
        String cookie = ctx.cookie(LOGIN_CSRF);
        String form = formField(ctx, "csrf");
        if (cookie == null || form == null || !java.security.MessageDigest.isEqual(cookie.getBytes(), form.getBytes())) {
            audit.record(String.valueOf(user), ip, "login", "refused", "missing or wrong CSRF token");
            ctx.status(403).html(page("Not allowed", "<p>The form has expired. <a href=\"/analyst/login\">Reload it</a>.</p>"));
            return;
        }
        if (!throttle.allowed(ip)) {
            audit.record(String.valueOf(user), ip, "login", "refused", "too many failed attempts");
            ctx.status(429).header("Retry-After", "900").html(page("Too many attempts",
                    "<p>Too many failed logins from your address. Try again in 15 minutes.</p>"));
            return;
        }
        Optional<Role> role = accounts.authenticate(user, formField(ctx, "password"));
        if (role.isEmpty()) {
            throttle.failed(ip);
            audit.record(String.valueOf(user), ip, "login", "refused", "wrong account or password");
            ctx.status(401).html(page("Analyst login", "<p role=\"alert\">Wrong account or password.</p><p><a href=\"/analyst/login\">Try again</a></p>"));
            return;
        }
        throttle.succeeded(ip);
        String id = sessions.open(user, role.get());
        ctx.header("Set-Cookie", Sessions.COOKIE + "=" + id + "; Path=/; Max-Age=" + Sessions.LIFETIME_SECONDS
                + "; HttpOnly; Secure; SameSite=Strict");
        audit.record(user, ip, "login", "ok", role.get().name().toLowerCase(Locale.ROOT));
        ctx.redirect(role.get().atLeast(Role.ANALYST) ? "/analyst" : "/");
    }

    private void dashboard(Context ctx, Sessions.Session s, String problem) {
        StringBuilder b = new StringBuilder();
        b.append("<p>Logged in as <strong>").append(Html.escape(s.account())).append("</strong> (")
                .append(s.role().name().toLowerCase(Locale.ROOT)).append(").</p>");
        b.append(csrfForm(s, "/analyst/logout", "<button type=\"submit\">Log out</button>"));
        if (problem != null) {
            b.append("<p class=\"banner\" role=\"alert\">").append(Html.escape(problem)).append("</p>");
        }
        b.append("<h2>Analyse a survey of your own</h2><form method=\"post\" action=\"/analyst/upload\" enctype=\"multipart/form-data\">")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(s.csrf()).append("\">")
                .append("<p><label for=\"case\">Case whose analysis plan runs</label> <select id=\"case\" name=\"case\">");
        cases.values().forEach(c -> b.append("<option value=\"").append(c.id()).append("\">").append(Html.escape(c.title().en() + " — " + c.country().en()))
                .append("</option>"));
        b.append("</select></p><p><label for=\"survey\">Survey file (CSV, Stata .dta or SPSS .sav; at most 20 MB)</label> ")
                .append("<input id=\"survey\" name=\"survey\" type=\"file\" accept=\".csv,.dta,.sav\" required></p>")
                .append("<p><button type=\"submit\">Upload and check</button></p></form>");
        b.append("<h2>Jobs</h2><table><thead><tr><th scope=\"col\">Job</th><th scope=\"col\">Case</th><th scope=\"col\">File</th>")
                .append("<th scope=\"col\">Owner</th><th scope=\"col\">Status</th><th scope=\"col\">Published</th></tr></thead><tbody>");
        for (Jobs.Job j : jobs.all()) {
            if (s.role() == Role.ADMIN || j.owner().equals(s.account())) {
                b.append("<tr><td><a href=\"/analyst/jobs/").append(j.id()).append("\">").append(j.id()).append("</a></td><td>")
                        .append(Html.escape(j.spec().id())).append("</td><td>").append(Html.escape(j.fileName())).append("</td><td>")
                        .append(Html.escape(j.owner())).append("</td><td class=\"status\">").append(j.status().name().toLowerCase(Locale.ROOT))
                        .append("</td><td>").append(j.published() ? "yes" : "no").append("</td></tr>");
            }
        }
        b.append("</tbody></table>");
        if (s.role() == Role.ADMIN) {
            b.append("<h2>Create an account</h2>").append(csrfForm(s, "/analyst/accounts",
                    "<p><label for=\"new-user\">Account</label> <input id=\"new-user\" name=\"user\" required></p>"
                    + "<p><label for=\"new-role\">Role</label> <select id=\"new-role\" name=\"role\"><option>viewer</option>"
                    + "<option>analyst</option><option>admin</option></select></p><p><label for=\"new-password\">Password (at least "
                    + Accounts.MIN_PASSWORD + " characters)</label> <input id=\"new-password\" name=\"password\" type=\"password\""
                    + " autocomplete=\"new-password\" required></p><p><button type=\"submit\">Create</button></p>"));
        }
        ctx.html(page("Analyst area", b.toString()));
    }

    private static String csrfForm(Sessions.Session s, String action, String inner) {
        return "<form method=\"post\" action=\"" + action + "\"><input type=\"hidden\" name=\"csrf\" value=\"" + s.csrf() + "\">" + inner
                + "</form>";
    }

    private void upload(Context ctx, Sessions.Session s) throws IOException {
        CaseSpec spec = cases.get(formField(ctx, "case"));
        UploadedFile file = ctx.uploadedFile("survey");
        if (spec == null || file == null) {
            audit.record(s.account(), ctx.ip(), "upload", "refused", "no case or no file");
            ctx.status(400);
            dashboard(ctx, s, "Choose a case and a survey file.");
            return;
        }
        String ext = file.extension().replace(".", "").toLowerCase(Locale.ROOT);
        if (!EXTENSIONS.contains(ext)) {
            audit.record(s.account(), ctx.ip(), "upload", "refused", "extension " + ext);
            ctx.status(400);
            dashboard(ctx, s, "The survey must be a .csv, .dta or .sav file.");
            return;
        }
        if (file.size() > MAX_UPLOAD) {
            audit.record(s.account(), ctx.ip(), "upload", "refused", "size " + file.size());
            ctx.status(413);
            dashboard(ctx, s, "The survey file is larger than 20 MB.");
            return;
        }
        Files.createDirectories(uploads);
        Path stored = uploads.resolve(Sessions.token().substring(0, 20) + "." + ext);
        try (InputStream in = file.content()) {
            Files.copy(in, stored, StandardCopyOption.REPLACE_EXISTING);
        }
        String shownName = file.filename().replaceAll("[^A-Za-z0-9._-]", "_");
        String problem = validate(stored, shownName);
        if (problem != null) {
            Files.deleteIfExists(stored);
            audit.record(s.account(), ctx.ip(), "upload", "refused", shownName + ": " + problem);
            ctx.status(400);
            dashboard(ctx, s, problem);
            return;
        }
        Jobs.Job job = jobs.create(s.account(), spec, stored, shownName);
        audit.record(s.account(), ctx.ip(), "upload", "ok", shownName + " for " + spec.id() + ", job " + job.id());
        ctx.redirect("/analyst/jobs/" + job.id());
    }

    /** Reads the survey with the data readers in a worker bounded in time; returns the problem, or null. */
    private String validate(Path stored, String shownName) {
        if (!validations.tryAcquire()) {
            return "Other surveys are being checked; try again in a minute.";
        }
        Future<Integer> read;
        try {
            read = validator.submit(() -> {
                try {
                    return DatasetReaders.read(stored).rowCount();
                } finally {
                    validations.release();
                }
            });
        } catch (RuntimeException e) {
            validations.release();
            throw e;
        }
        try {
            int rows = read.get(30, TimeUnit.SECONDS);
            return rows == 0 ? shownName + " has no rows" : null;
        } catch (TimeoutException e) {
            read.cancel(true);
            return shownName + " took too long to read; check the file";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InputException ie) {
                return ie.getMessage().replace(stored.toString(), shownName).replace(stored.getFileName().toString(), shownName);
            }
            if (cause instanceof OutOfMemoryError) {
                return shownName + " is too large once expanded";
            }
            return shownName + " could not be read as a survey file";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * @param spec a case
     * @return the variables its plan reads from the survey: treatment, covariates, cluster, weights,
     *     design options, outcomes (or the item columns of indicator outcomes)
     */
    public static List<String> variables(CaseSpec spec) {
        Set<String> v = new LinkedHashSet<>();
        Set<String> outcomes = new LinkedHashSet<>();
        for (AnalysisSpec a : spec.plan()) {
            v.add(a.treatment());
            v.addAll(a.covariates());
            a.cluster().ifPresent(v::add);
            a.weights().ifPresent(v::add);
            for (String key : List.of("time", "id", "running", "saturation")) {
                if (a.options().containsKey(key)) {
                    v.add(a.options().get(key));
                }
            }
            outcomes.addAll(a.outcomes());
        }
        for (String o : outcomes) {
            OutcomeSpec os = spec.outcome(o);
            if (os.indicator().isPresent()) {
                v.addAll(InstrumentItems.of(os.indicator().get()));
            } else {
                v.add(o);
            }
        }
        return List.copyOf(v);
    }

    private Optional<Jobs.Job> ownJob(Context ctx, Sessions.Session s) {
        Optional<Jobs.Job> j = jobs.find(ctx.pathParam("id"));
        if (j.isEmpty() || !(s.role() == Role.ADMIN || j.get().owner().equals(s.account()))) {
            ctx.status(404).html(page("Not found", "<p>There is no such job.</p>"));
            return Optional.empty();
        }
        return j;
    }

    private void jobPage(Context ctx, Sessions.Session s) {
        Optional<Jobs.Job> found = ownJob(ctx, s);
        if (found.isEmpty()) {
            return;
        }
        Jobs.Job j = found.get();
        audit.record(s.account(), ctx.ip(), "view-job", "ok", j.id());
        StringBuilder b = new StringBuilder();
        b.append("<p><a href=\"/analyst\">Back to the analyst area</a></p><p>Case <strong>").append(Html.escape(j.spec().id()))
                .append("</strong>, file <strong>").append(Html.escape(j.fileName())).append("</strong>. Status: <strong class=\"status\">")
                .append(j.status().name().toLowerCase(Locale.ROOT)).append("</strong>")
                .append(j.progress().isEmpty() ? "" : " (" + Html.escape(j.progress()) + ")").append(".</p>");
        switch (j.status()) {
            case MAPPING -> {
                b.append("<h2>Map your variables</h2><p>For each variable the plan needs, give the column of your survey that holds it")
                        .append(" (leave it empty when the column has the same name).</p>");
                StringBuilder fields = new StringBuilder();
                int i = 0;
                for (String v : variables(j.spec())) {
                    fields.append("<p><label for=\"m").append(i).append("\">").append(Html.escape(v)).append("</label> <input id=\"m").append(i)
                            .append("\" name=\"map.").append(Html.escape(v)).append("\" maxlength=\"64\"></p>");
                    i++;
                }
                b.append(csrfForm(s, "/analyst/jobs/" + j.id() + "/run", fields + "<p><button type=\"submit\">Run the analysis</button></p>"));
            }
            case QUEUED, RUNNING -> b.append("<p role=\"status\">The analysis is running; reload this page to follow it.</p>");
            case FAILED -> b.append("<p class=\"banner\" role=\"alert\">").append(Html.escape(j.message())).append("</p>");
            case DONE -> {
                b.append("<h2>Results (private until an admin publishes them)</h2>").append(table(j.estimates(), false));
                if (s.role() == Role.ADMIN && !j.published()) {
                    b.append(csrfForm(s, "/analyst/jobs/" + j.id() + "/publish", "<button type=\"submit\">Publish</button>"));
                }
                if (j.published()) {
                    b.append("<p>Published at <a href=\"/published/").append(j.id()).append("\">/published/").append(j.id()).append("</a>.</p>");
                }
            }
        }
        ctx.html(page("Job " + j.id(), b.toString()));
    }

    private void run(Context ctx, Sessions.Session s) {
        Optional<Jobs.Job> found = ownJob(ctx, s);
        if (found.isEmpty()) {
            return;
        }
        Jobs.Job j = found.get();
        if (j.status() != Jobs.Status.MAPPING) {
            ctx.redirect("/analyst/jobs/" + j.id());
            return;
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String v : variables(j.spec())) {
            String column = formField(ctx, "map." + v);
            if (column != null && !column.isBlank() && !column.strip().equals(v)) {
                mapping.put(v, column.strip());
            }
        }
        jobs.start(j, mapping);
        audit.record(s.account(), ctx.ip(), "run", "ok", j.id() + " mapping " + mapping);
        ctx.redirect("/analyst/jobs/" + j.id());
    }

    private void publish(Context ctx, Sessions.Session s) {
        Optional<Jobs.Job> found = ownJob(ctx, s);
        if (found.isEmpty()) {
            return;
        }
        if (found.get().status() != Jobs.Status.DONE) {
            ctx.status(409).html(page("Not finished", "<p>Only finished jobs can be published.</p>"));
            return;
        }
        jobs.publish(found.get());
        audit.record(s.account(), ctx.ip(), "publish", "ok", found.get().id());
        ctx.redirect("/analyst/jobs/" + found.get().id());
    }

    private void createAccount(Context ctx, Sessions.Session s) {
        String user = formField(ctx, "user");
        try {
            Role role = Role.valueOf(String.valueOf(formField(ctx, "role")).toUpperCase(Locale.ROOT));
            accounts.put(user, role, formField(ctx, "password"));
            audit.record(s.account(), ctx.ip(), "create-account", "ok", user + " " + role.name().toLowerCase(Locale.ROOT));
            ctx.redirect("/analyst");
        } catch (IllegalArgumentException e) {
            audit.record(s.account(), ctx.ip(), "create-account", "refused", String.valueOf(user));
            ctx.status(400);
            dashboard(ctx, s, e.getMessage().startsWith("No enum") ? "Choose viewer, analyst or admin." : e.getMessage());
        }
    }

    private void published(Context ctx) {
        Optional<Jobs.Job> j = jobs.find(ctx.pathParam("id"));
        if (j.isEmpty() || !j.get().published()) {
            ctx.status(404).html(page("Not found", "<p>There is no published result at this address.</p>"));
            return;
        }
        ctx.html(page("Published results — " + j.get().spec().id(), "<p>Results of the " + Html.escape(j.get().spec().id())
                + " analysis plan on a survey provided by an analyst. Estimates resting on fewer than " + MIN_CELL
                + " observations are suppressed.</p>" + table(j.get().estimates(), true)));
    }

    /**
     * @param rows estimates
     * @param suppress true for a published table: every number of a row resting on fewer than {@link #MIN_CELL} observations is withheld
     * @return the estimates as an HTML table
     */
    public static String table(List<EstimateRecord> rows, boolean suppress) {
        Html h = new Html(Locale.ENGLISH);
        h.tableStart(null, "Analysis", "Outcome", "Term", "Estimate", "SE", "95% CI", "p", "n");
        for (EstimateRecord e : rows) {
            boolean hide = suppress && e.n() < MIN_CELL;
            h.rowStart("data-term=\"" + Html.escape(e.term()) + "\"").cell(e.analysisId()).cell(e.outcome()).cell(e.term());
            if (hide) {
                h.cell("suppressed (n < " + MIN_CELL + ")").cell("").cell("").cell("").cell("");
            } else {
                h.number("estimate", e.estimate()).number("se", e.se()).interval(e.ciLow(), e.ciHigh()).pValue("p_value", e.pValue())
                        .cell(String.valueOf(e.n()));
            }
            h.rowEnd();
        }
        return h.tableEnd().toString();
    }

    private String page(String title, String body) {
        return SiteLayout.page(Links.LIVE, Messages.of("en"), "", title, null, "<h1>" + Html.escape(title) + "</h1>" + body, version);
    }
}
