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
    /** Request attribute set on the area's own "not found" pages, which the server's generic 404 page must not replace. */
    public static final String EXPLAINED = "synergia.analyst.explained";
    /** How many audit entries the admins' page shows. */
    private static final int AUDIT_SHOWN = 200;
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
        this.uploads = home.resolve("uploads");
        this.jobs = new Jobs(home.resolve("analyst.duckdb"), home.resolve("jobs"), uploads, cases, version);
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
     * Registers the area's routes, in every language the public pages have ({@code /analyst/...},
     * {@code /es/analyst/...}, {@code /fr/analyst/...}).
     *
     * @param r the server's routes
     */
    public void routes(RoutesConfig r) {
        for (String lang : Messages.LANGUAGES) {
            Messages m = Messages.of(lang);
            String p = Links.LIVE.page(lang, "");
            String base = p.equals("/") ? "" : p;
            r.get(base + "/analyst/login", ctx -> loginForm(ctx, m));
            r.post(base + "/analyst/login", ctx -> login(ctx, m));
            r.post(base + "/analyst/logout", ctx -> withSession(ctx, m, Role.VIEWER, s -> {
                sessions.close(ctx.cookie(Sessions.COOKIE));
                ctx.header("Set-Cookie", Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
                audit.record(s.account(), ctx.ip(), "logout", "ok", "");
                ctx.redirect(at(m, "analyst/login"));
            }));
            r.get(base + "/analyst", ctx -> withSession(ctx, m, Role.ANALYST, s -> dashboard(ctx, m, s, null)));
            r.post(base + "/analyst/upload", ctx -> withSession(ctx, m, Role.ANALYST, s -> upload(ctx, m, s)));
            r.get(base + "/analyst/jobs/{id}", ctx -> withSession(ctx, m, Role.ANALYST, s -> jobPage(ctx, m, s)));
            r.post(base + "/analyst/jobs/{id}/run", ctx -> withSession(ctx, m, Role.ANALYST, s -> run(ctx, m, s)));
            r.post(base + "/analyst/jobs/{id}/publish", ctx -> withSession(ctx, m, Role.ADMIN, s -> publish(ctx, m, s)));
            r.post(base + "/analyst/accounts", ctx -> withSession(ctx, m, Role.ADMIN, s -> createAccount(ctx, m, s)));
            r.get(base + "/analyst/audit", ctx -> withSession(ctx, m, Role.ADMIN, s -> auditPage(ctx, m)));
            r.get(base + "/published/{id}", ctx -> published(ctx, m));
        }
    }

    /** The address of a page of the area in a language. */
    private static String at(Messages m, String path) {
        return Links.LIVE.page(m.language(), path);
    }

    private interface SessionHandler {
        void handle(Sessions.Session s) throws Exception;
    }

    private void withSession(Context ctx, Messages m, Role needed, SessionHandler handler) throws Exception {
        Optional<Sessions.Session> s = sessions.find(ctx.cookie(Sessions.COOKIE));
        if (s.isEmpty()) {
            ctx.redirect(at(m, "analyst/login"));
            return;
        }
        if (!s.get().role().atLeast(needed)) {
            audit.record(s.get().account(), ctx.ip(), ctx.req().getMethod() + " " + ctx.path(), "refused", "role " + s.get().role());
            ctx.status(403).html(page(m, "analyst", m.get("analyst.refused.title"), paragraph(m.get("analyst.refused.role"))));
            return;
        }
        boolean post = "POST".equals(ctx.req().getMethod());
        if (post && ctx.req().getContentLengthLong() > MAX_UPLOAD + 1024 * 1024) {
            audit.record(s.get().account(), ctx.ip(), "POST " + ctx.path(), "refused", "request of " + ctx.req().getContentLengthLong() + " bytes");
            ctx.status(413).html(page(m, "analyst", m.get("analyst.toolarge.title"), paragraph(m.get("analyst.upload.toolarge"))));
            return;
        }
        if (post && !s.get().csrfMatches(formField(ctx, "csrf"))) {
            audit.record(s.get().account(), ctx.ip(), ctx.req().getMethod() + " " + ctx.path(), "refused", "missing or wrong CSRF token");
            ctx.status(403).html(page(m, "analyst", m.get("analyst.refused.title"), paragraph(m.get("analyst.refused.expired"))));
            return;
        }
        handler.handle(s.get());
    }

    private static String paragraph(String text) {
        return "<p>" + Html.escape(text) + "</p>";
    }

    private static String alert(String text) {
        return "<p class=\"banner\" role=\"alert\">" + Html.escape(text) + "</p>";
    }

    private static String formField(Context ctx, String name) {
        try {
            return ctx.formParam(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void loginForm(Context ctx, Messages m) {
        String token = Sessions.token();
        String action = at(m, "analyst/login");
        ctx.header("Set-Cookie", LOGIN_CSRF + "=" + token + "; Path=" + action + "; HttpOnly; Secure; SameSite=Strict");
        ctx.html(page(m, "analyst/login", m.get("analyst.login.title"), "<form method=\"post\" action=\"" + action
                + "\"><input type=\"hidden\" name=\"csrf\" value=\"" + token + "\"><p><label for=\"user\">"
                + Html.escape(m.get("analyst.login.account")) + "</label> <input id=\"user\" name=\"user\" autocomplete=\"username\" required></p>"
                + "<p><label for=\"password\">" + Html.escape(m.get("analyst.login.password"))
                + "</label> <input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></p>"
                + "<p><button type=\"submit\">" + Html.escape(m.get("analyst.login.submit")) + "</button></p></form>"));
    }

    private void login(Context ctx, Messages m) {
        String ip = ctx.ip();
        String user = formField(ctx, "user");
        String cookie = ctx.cookie(LOGIN_CSRF);
        String form = formField(ctx, "csrf");
        String again = "<a href=\"" + at(m, "analyst/login") + "\">";
        if (cookie == null || form == null || !java.security.MessageDigest.isEqual(cookie.getBytes(), form.getBytes())) {
            audit.record(String.valueOf(user), ip, "login", "refused", "missing or wrong CSRF token");
            ctx.status(403).html(page(m, "analyst/login", m.get("analyst.refused.title"), "<p>" + Html.escape(m.get("analyst.login.expired"))
                    + " " + again + Html.escape(m.get("analyst.login.reload")) + "</a>.</p>"));
            return;
        }
        if (!throttle.allowed(ip)) {
            audit.record(String.valueOf(user), ip, "login", "refused", "too many failed attempts");
            ctx.status(429).header("Retry-After", "900").html(page(m, "analyst/login", m.get("analyst.throttled.title"),
                    paragraph(m.get("analyst.throttled.text"))));
            return;
        }
        Optional<Role> role = accounts.authenticate(user, formField(ctx, "password"));
        if (role.isEmpty()) {
            throttle.failed(ip);
            audit.record(String.valueOf(user), ip, "login", "refused", "wrong account or password");
            ctx.status(401).html(page(m, "analyst/login", m.get("analyst.login.title"), "<p role=\"alert\">"
                    + Html.escape(m.get("analyst.login.wrong")) + "</p><p>" + again + Html.escape(m.get("analyst.login.retry")) + "</a></p>"));
            return;
        }
        throttle.succeeded(ip);
        String id = sessions.open(user, role.get());
        ctx.header("Set-Cookie", Sessions.COOKIE + "=" + id + "; Path=/; Max-Age=" + Sessions.LIFETIME_SECONDS
                + "; HttpOnly; Secure; SameSite=Strict");
        audit.record(user, ip, "login", "ok", role.get().name().toLowerCase(Locale.ROOT));
        ctx.redirect(role.get().atLeast(Role.ANALYST) ? at(m, "analyst") : at(m, ""));
    }

    private static String roleName(Messages m, Role role) {
        return m.get("analyst.role." + role.name().toLowerCase(Locale.ROOT));
    }

    private static String status(Messages m, Jobs.Status status) {
        return Html.escape(m.get("analyst.status." + status.name().toLowerCase(Locale.ROOT)));
    }

    private void dashboard(Context ctx, Messages m, Sessions.Session s, String problem) {
        String lang = m.language();
        StringBuilder b = new StringBuilder();
        b.append(paragraph(m.get("analyst.loggedin", s.account(), roleName(m, s.role()))));
        b.append(csrfForm(s, at(m, "analyst/logout"), "<button type=\"submit\">" + Html.escape(m.get("analyst.logout")) + "</button>"));
        if (s.role() == Role.ADMIN) {
            b.append("<p><a href=\"").append(at(m, "analyst/audit")).append("\">").append(Html.escape(m.get("analyst.audit.link")))
                    .append("</a></p>");
        }
        if (problem != null) {
            b.append(alert(problem));
        }
        b.append("<h2>").append(Html.escape(m.get("analyst.upload.heading"))).append("</h2><form method=\"post\" action=\"")
                .append(at(m, "analyst/upload")).append("\" enctype=\"multipart/form-data\">")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(s.csrf()).append("\">")
                .append("<p><label for=\"case\">").append(Html.escape(m.get("analyst.upload.case")))
                .append("</label> <select id=\"case\" name=\"case\">");
        cases.values().forEach(c -> b.append("<option value=\"").append(c.id()).append("\">")
                .append(Html.escape(c.title().in(lang) + " — " + c.country().in(lang))).append("</option>"));
        b.append("</select></p><p><label for=\"survey\">").append(Html.escape(m.get("analyst.upload.file"))).append("</label> ")
                .append("<input id=\"survey\" name=\"survey\" type=\"file\" accept=\".csv,.dta,.sav\" required></p>")
                .append("<p><button type=\"submit\">").append(Html.escape(m.get("analyst.upload.submit"))).append("</button></p></form>");
        b.append("<h2>").append(Html.escape(m.get("analyst.jobs.heading"))).append("</h2>");
        List<Jobs.Job> visible = jobs.all().stream().filter(j -> s.role() == Role.ADMIN || j.owner().equals(s.account())).toList();
        if (visible.isEmpty()) {
            b.append(paragraph(m.get("analyst.jobs.none")));
        } else {
            b.append("<table><thead><tr>");
            for (String col : List.of("job", "case", "file", "owner", "status", "published")) {
                b.append("<th scope=\"col\">").append(Html.escape(m.get("analyst.col." + col))).append("</th>");
            }
            b.append("</tr></thead><tbody>");
            for (Jobs.Job j : visible) {
                b.append("<tr><td><a href=\"").append(at(m, "analyst/jobs/" + j.id())).append("\">").append(j.id()).append("</a></td><td>")
                        .append(Html.escape(j.caseId())).append("</td><td>").append(Html.escape(j.fileName())).append("</td><td>")
                        .append(Html.escape(j.owner())).append("</td><td data-status=\"").append(j.status().name().toLowerCase(Locale.ROOT))
                        .append("\" class=\"status\">").append(status(m, j.status())).append("</td><td>")
                        .append(Html.escape(m.get(j.published() ? "analyst.yes" : "analyst.no"))).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        if (s.role() == Role.ADMIN) {
            StringBuilder roles = new StringBuilder();
            for (Role role : Role.values()) {
                String v = role.name().toLowerCase(Locale.ROOT);
                roles.append("<option value=\"").append(v).append("\">").append(Html.escape(roleName(m, role))).append("</option>");
            }
            b.append("<h2>").append(Html.escape(m.get("analyst.account.heading"))).append("</h2>").append(csrfForm(s, at(m, "analyst/accounts"),
                    "<p><label for=\"new-user\">" + Html.escape(m.get("analyst.account.name")) + "</label> <input id=\"new-user\" name=\"user\" required></p>"
                    + "<p><label for=\"new-role\">" + Html.escape(m.get("analyst.account.role")) + "</label> <select id=\"new-role\" name=\"role\">"
                    + roles + "</select></p><p><label for=\"new-password\">" + Html.escape(m.get("analyst.account.password", Accounts.MIN_PASSWORD))
                    + "</label> <input id=\"new-password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required></p>"
                    + "<p><button type=\"submit\">" + Html.escape(m.get("analyst.account.submit")) + "</button></p>"));
        }
        ctx.html(page(m, "analyst", m.get("analyst.title"), b.toString()));
    }

    private static String csrfForm(Sessions.Session s, String action, String inner) {
        return "<form method=\"post\" action=\"" + action + "\"><input type=\"hidden\" name=\"csrf\" value=\"" + s.csrf() + "\">" + inner
                + "</form>";
    }

    private void upload(Context ctx, Messages m, Sessions.Session s) throws IOException {
        CaseSpec spec = cases.get(formField(ctx, "case"));
        UploadedFile file = ctx.uploadedFile("survey");
        if (spec == null || file == null) {
            audit.record(s.account(), ctx.ip(), "upload", "refused", "no case or no file");
            ctx.status(400);
            dashboard(ctx, m, s, m.get("analyst.upload.missing"));
            return;
        }
        String ext = file.extension().replace(".", "").toLowerCase(Locale.ROOT);
        if (!EXTENSIONS.contains(ext)) {
            audit.record(s.account(), ctx.ip(), "upload", "refused", "extension " + ext);
            ctx.status(400);
            dashboard(ctx, m, s, m.get("analyst.upload.extension"));
            return;
        }
        if (file.size() > MAX_UPLOAD) {
            audit.record(s.account(), ctx.ip(), "upload", "refused", "size " + file.size());
            ctx.status(413);
            dashboard(ctx, m, s, m.get("analyst.upload.toolarge"));
            return;
        }
        Files.createDirectories(uploads);
        Path stored = uploads.resolve(Sessions.token().substring(0, 20) + "." + ext);
        try (InputStream in = file.content()) {
            Files.copy(in, stored, StandardCopyOption.REPLACE_EXISTING);
        }
        String shownName = file.filename().replaceAll("[^A-Za-z0-9._-]", "_");
        Refusal problem = validate(stored, shownName);
        if (problem != null) {
            Files.deleteIfExists(stored);
            audit.record(s.account(), ctx.ip(), "upload", "refused", shownName + ": " + problem.detail());
            ctx.status(400);
            dashboard(ctx, m, s, problem.text(m));
            return;
        }
        Jobs.Job job = jobs.create(s.account(), spec, stored, shownName);
        audit.record(s.account(), ctx.ip(), "upload", "ok", shownName + " for " + spec.id() + ", job " + job.id());
        ctx.redirect(at(m, "analyst/jobs/" + job.id()));
    }

    /**
     * Why a survey was refused: a message key with its argument (the file's shown name, or the
     * data reader's own message, which is in English).
     */
    private record Refusal(String key, String argument) {
        String text(Messages m) {
            return m.get(key, argument);
        }

        String detail() {
            return key.substring(key.lastIndexOf('.') + 1) + (argument.isEmpty() ? "" : " " + argument);
        }
    }

    /** Reads the survey with the data readers in a worker bounded in time; returns why it is refused, or null. */
    private Refusal validate(Path stored, String shownName) {
        if (!validations.tryAcquire()) {
            return new Refusal("analyst.upload.busy", "");
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
            return rows == 0 ? new Refusal("analyst.upload.norows", shownName) : null;
        } catch (TimeoutException e) {
            read.cancel(true);
            return new Refusal("analyst.upload.slow", shownName);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InputException ie) {
                return new Refusal("analyst.upload.rejected",
                        ie.getMessage().replace(stored.toString(), shownName).replace(stored.getFileName().toString(), shownName));
            }
            if (cause instanceof OutOfMemoryError) {
                return new Refusal("analyst.upload.expanded", shownName);
            }
            return new Refusal("analyst.upload.unreadable", shownName);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Refusal("analyst.upload.interrupted", "");
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

    private Optional<Jobs.Job> ownJob(Context ctx, Messages m, Sessions.Session s) {
        Optional<Jobs.Job> j = jobs.find(ctx.pathParam("id"));
        if (j.isEmpty() || !(s.role() == Role.ADMIN || j.get().owner().equals(s.account()))) {
            ctx.attribute(EXPLAINED, true);
            ctx.status(404).html(page(m, "analyst", m.get("analyst.notfound.title"), paragraph(m.get("analyst.notfound.job"))));
            return Optional.empty();
        }
        return j;
    }

    private void jobPage(Context ctx, Messages m, Sessions.Session s) {
        Optional<Jobs.Job> found = ownJob(ctx, m, s);
        if (found.isEmpty()) {
            return;
        }
        Jobs.Job j = found.get();
        audit.record(s.account(), ctx.ip(), "view-job", "ok", j.id());
        StringBuilder b = new StringBuilder();
        b.append("<p><a href=\"").append(at(m, "analyst")).append("\">").append(Html.escape(m.get("analyst.job.back"))).append("</a></p>")
                .append("<dl class=\"job\"><dt>").append(Html.escape(m.get("analyst.col.case"))).append("</dt><dd>")
                .append(Html.escape(j.spec() == null ? j.caseId() : j.spec().title().in(m.language()) + " (" + j.caseId() + ")"))
                .append("</dd><dt>").append(Html.escape(m.get("analyst.col.file"))).append("</dt><dd>").append(Html.escape(j.fileName()))
                .append("</dd><dt>").append(Html.escape(m.get("analyst.col.status"))).append("</dt><dd><strong data-status=\"")
                .append(j.status().name().toLowerCase(Locale.ROOT)).append("\" class=\"status\">").append(status(m, j.status()))
                .append("</strong>").append(j.progress().isEmpty() ? "" : " (" + Html.escape(j.progress()) + ")").append("</dd></dl>");
        switch (j.status()) {
            case MAPPING -> {
                b.append("<h2>").append(Html.escape(m.get("analyst.job.map.heading"))).append("</h2>").append(paragraph(m.get("analyst.job.map.text")));
                StringBuilder fields = new StringBuilder();
                int i = 0;
                for (String v : variables(j.spec())) {
                    fields.append("<p><label for=\"m").append(i).append("\">").append(Html.escape(v)).append("</label> <input id=\"m").append(i)
                            .append("\" name=\"map.").append(Html.escape(v)).append("\" maxlength=\"64\"></p>");
                    i++;
                }
                b.append(csrfForm(s, at(m, "analyst/jobs/" + j.id() + "/run"), fields + "<p><button type=\"submit\">"
                        + Html.escape(m.get("analyst.job.run")) + "</button></p>"));
            }
            case QUEUED, RUNNING -> b.append("<p role=\"status\">").append(Html.escape(m.get("analyst.job.running"))).append("</p>");
            case FAILED -> b.append(alert(m.get("analyst.job.failed", j.message())));
            case INTERRUPTED -> b.append(alert(m.get("analyst.job.interrupted")));
            case DONE -> {
                b.append("<h2>").append(Html.escape(m.get("analyst.job.results"))).append("</h2>").append(table(j.estimates(), false, m));
                if (s.role() == Role.ADMIN && !j.published()) {
                    b.append(csrfForm(s, at(m, "analyst/jobs/" + j.id() + "/publish"), "<button type=\"submit\">"
                            + Html.escape(m.get("analyst.job.publish")) + "</button>"));
                }
                if (j.published()) {
                    String address = at(m, "published/" + j.id());
                    b.append("<p>").append(Html.escape(m.get("analyst.job.publishedat"))).append(" <a href=\"").append(address).append("\">")
                            .append(address).append("</a>.</p>");
                }
            }
        }
        ctx.html(page(m, "analyst/jobs/" + j.id(), m.get("analyst.job.title", j.id()), b.toString()));
    }

    private void run(Context ctx, Messages m, Sessions.Session s) {
        Optional<Jobs.Job> found = ownJob(ctx, m, s);
        if (found.isEmpty()) {
            return;
        }
        Jobs.Job j = found.get();
        if (j.status() != Jobs.Status.MAPPING) {
            ctx.redirect(at(m, "analyst/jobs/" + j.id()));
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
        ctx.redirect(at(m, "analyst/jobs/" + j.id()));
    }

    private void publish(Context ctx, Messages m, Sessions.Session s) {
        Optional<Jobs.Job> found = ownJob(ctx, m, s);
        if (found.isEmpty()) {
            return;
        }
        if (found.get().status() != Jobs.Status.DONE) {
            ctx.status(409).html(page(m, "analyst/jobs/" + found.get().id(), m.get("analyst.notfinished.title"),
                    paragraph(m.get("analyst.notfinished.text"))));
            return;
        }
        jobs.publish(found.get());
        audit.record(s.account(), ctx.ip(), "publish", "ok", found.get().id());
        ctx.redirect(at(m, "analyst/jobs/" + found.get().id()));
    }

    private void createAccount(Context ctx, Messages m, Sessions.Session s) {
        String user = formField(ctx, "user");
        String password = formField(ctx, "password");
        String roleField = String.valueOf(formField(ctx, "role")).toUpperCase(Locale.ROOT);
        Optional<Role> role = java.util.Arrays.stream(Role.values()).filter(r -> r.name().equals(roleField)).findFirst();
        String problem = role.isEmpty() ? m.get("analyst.account.badrole")
                : !Accounts.validName(user) ? m.get("analyst.account.badname")
                : !Accounts.validPassword(password) ? m.get("analyst.account.badpassword", Accounts.MIN_PASSWORD) : null;
        if (problem != null) {
            audit.record(s.account(), ctx.ip(), "create-account", "refused", String.valueOf(user));
            ctx.status(400);
            dashboard(ctx, m, s, problem);
            return;
        }
        accounts.put(user, role.get(), password);
        audit.record(s.account(), ctx.ip(), "create-account", "ok", user + " " + role.get().name().toLowerCase(Locale.ROOT));
        ctx.redirect(at(m, "analyst"));
    }

    private void auditPage(Context ctx, Messages m) {
        Html h = new Html(m.locale());
        h.paragraph(m.get("analyst.audit.text", AUDIT_SHOWN));
        h.tableStart(null, m.get("analyst.audit.time"), m.get("analyst.audit.account"), m.get("analyst.audit.address"),
                m.get("analyst.audit.action"), m.get("analyst.audit.outcome"), m.get("analyst.audit.detail"));
        for (AuditLog.Entry e : audit.latest(AUDIT_SHOWN)) {
            h.rowStart(null).cell(e.time()).cell(e.account()).cell(e.address()).cell(e.action()).cell(e.outcome()).cell(e.detail()).rowEnd();
        }
        ctx.html(page(m, "analyst/audit", m.get("analyst.audit.title"), h.tableEnd().toString()));
    }

    private void published(Context ctx, Messages m) {
        Optional<Jobs.Job> j = jobs.find(ctx.pathParam("id"));
        if (j.isEmpty() || !j.get().published()) {
            ctx.attribute(EXPLAINED, true);
            ctx.status(404).html(page(m, "published/" + ctx.pathParam("id").replaceAll("[^A-Za-z0-9_-]", ""), m.get("analyst.notfound.title"),
                    paragraph(m.get("analyst.published.none"))));
            return;
        }
        String caseId = j.get().caseId();
        ctx.html(page(m, "published/" + j.get().id(), m.get("analyst.published.title", caseId),
                paragraph(m.get("analyst.published.text", caseId, MIN_CELL)) + table(j.get().estimates(), true, m)));
    }

    /**
     * @param rows estimates
     * @param suppress true for a published table: every number of a row resting on fewer than {@link #MIN_CELL} observations is withheld
     * @param m the page's language
     * @return the estimates as an HTML table
     */
    public static String table(List<EstimateRecord> rows, boolean suppress, Messages m) {
        Html h = new Html(m.locale());
        h.tableStart(null, m.get("analyst.col.analysis"), m.get("col.outcome"), m.get("analyst.col.term"), m.get("col.estimate"),
                m.get("col.se"), m.get("col.ci"), m.get("col.p"), m.get("col.n"));
        for (EstimateRecord e : rows) {
            boolean hide = suppress && e.n() < MIN_CELL;
            h.rowStart("data-term=\"" + Html.escape(e.termName()) + "\"").cell(e.analysisId()).cell(e.outcome()).cell(e.termName());
            if (hide) {
                h.cell(m.get("analyst.suppressed", MIN_CELL)).cell("").cell("").cell("").cell("");
            } else {
                h.number("estimate", e.estimate()).number("se", e.se()).interval(e.ciLow(), e.ciHigh()).pValue("p_value", e.pValue())
                        .cell(String.valueOf(e.n()));
            }
            h.rowEnd();
        }
        return h.tableEnd().toString();
    }

    private String page(Messages m, String path, String title, String body) {
        return SiteLayout.page(Links.LIVE, m, path, title, null, "<h1>" + Html.escape(title) + "</h1>" + body, version);
    }
}
