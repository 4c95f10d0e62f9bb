package org.synergia.web.analyst;

import static org.synergia.web.analyst.AnalystPages.at;

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
import org.synergia.cases.spec.AnalysisSpec;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.InstrumentItems;
import org.synergia.cases.spec.OutcomeSpec;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.report.i18n.Messages;
import org.synergia.web.site.Links;

/**
 * The analyst area ({@code /analyst}): login with bcrypt-hashed accounts and a throttle, sessions
 * in HttpOnly, Secure, SameSite=Strict cookies, a CSRF token in every form, roles; analysts upload
 * a survey (CSV, .dta, .sav; size-limited and validated by the data readers), map the variables
 * the case's plan needs, run the analysis in the background and see the results privately until
 * an admin publishes them ({@code /published/{job}}, cells under {@value #MIN_CELL} observations
 * suppressed). The survey is never served back. Every action goes to the audit log.
 *
 * <p>This class registers the routes and handles the requests (sessions, roles, CSRF, the audit
 * log); {@code AnalystPages} renders the pages and {@code UploadValidator} checks the surveys.
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

    private final Map<String, CaseSpec> cases = new LinkedHashMap<>();
    private final Accounts accounts;
    private final Sessions sessions;
    private final LoginThrottle throttle = new LoginThrottle(5, 15 * 60 * 1000L);
    private final AuditLog audit;
    private final Jobs jobs;
    private final Path uploads;
    private final AnalystPages pages;
    private final UploadValidator validator = new UploadValidator();

    /**
     * @param workspace the workspace; the area keeps its files in {@code analyst/} there
     * @param specs the cases analysts may run
     * @param version Synergia's version
     */
    public AnalystArea(Path workspace, List<CaseSpec> specs, String version) {
        Path home = workspace.resolve("analyst");
        specs.stream().filter(s -> !s.institutionalOnly()).forEach(s -> cases.put(s.id(), s));
        this.accounts = new Accounts(home.resolve("accounts.tsv"));
        this.sessions = new Sessions(accounts);
        this.audit = new AuditLog(home.resolve("audit.log"));
        this.uploads = home.resolve("uploads");
        this.jobs = new Jobs(home.resolve("analyst.duckdb"), home.resolve("jobs"), uploads, cases, version);
        this.pages = new AnalystPages(version);
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

    /** @return the audit log's current file */
    public Path auditFile() {
        return audit.file();
    }

    @Override
    public void close() {
        jobs.close();
        validator.close();
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
            r.get(base + "/analyst/account", ctx -> withSession(ctx, m, Role.VIEWER, s -> ctx.html(pages.account(m, s))));
            r.get(base + "/analyst", ctx -> withSession(ctx, m, Role.ANALYST, s -> dashboard(ctx, m, s, null)));
            r.post(base + "/analyst/upload", ctx -> withSession(ctx, m, Role.ANALYST, s -> upload(ctx, m, s)));
            r.get(base + "/analyst/jobs/{id}", ctx -> withSession(ctx, m, Role.ANALYST, s -> jobPage(ctx, m, s)));
            r.post(base + "/analyst/jobs/{id}/run", ctx -> withSession(ctx, m, Role.ANALYST, s -> run(ctx, m, s)));
            r.post(base + "/analyst/jobs/{id}/publish", ctx -> withSession(ctx, m, Role.ADMIN, s -> publish(ctx, m, s)));
            r.post(base + "/analyst/accounts", ctx -> withSession(ctx, m, Role.ADMIN, s -> createAccount(ctx, m, s)));
            r.post(base + "/analyst/accounts/{name}/{change}", ctx -> withSession(ctx, m, Role.ADMIN, s -> changeAccount(ctx, m, s)));
            r.get(base + "/analyst/audit", ctx -> withSession(ctx, m, Role.ADMIN, s -> auditPage(ctx, m)));
            r.get(base + "/published/{id}", ctx -> published(ctx, m));
        }
    }

    private interface SessionHandler {
        void handle(Sessions.Session s) throws Exception;
    }

    private void withSession(Context ctx, Messages m, Role needed, SessionHandler handler) throws Exception {
        ctx.header("Cache-Control", "no-store");
        Optional<Sessions.Session> s = sessions.find(ctx.cookie(Sessions.COOKIE));
        if (s.isEmpty()) {
            ctx.redirect(at(m, "analyst/login"));
            return;
        }
        if (!s.get().role().atLeast(needed)) {
            audit.record(s.get().account(), ctx.ip(), ctx.req().getMethod() + " " + ctx.path(), "refused", "role " + s.get().role());
            ctx.status(403).html(pages.notice(m, "analyst", m.get("analyst.refused.title"), m.get("analyst.refused.role")));
            return;
        }
        boolean post = "POST".equals(ctx.req().getMethod());
        if (post && ctx.req().getContentLengthLong() > MAX_UPLOAD + 1024 * 1024) {
            audit.record(s.get().account(), ctx.ip(), "POST " + ctx.path(), "refused", "request of " + ctx.req().getContentLengthLong() + " bytes");
            ctx.status(413).html(pages.notice(m, "analyst", m.get("analyst.toolarge.title"), m.get("analyst.upload.toolarge")));
            return;
        }
        if (post && !s.get().csrfMatches(formField(ctx, "csrf"))) {
            audit.record(s.get().account(), ctx.ip(), ctx.req().getMethod() + " " + ctx.path(), "refused", "missing or wrong CSRF token");
            ctx.status(403).html(pages.notice(m, "analyst", m.get("analyst.refused.title"), m.get("analyst.refused.expired")));
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

    private void loginForm(Context ctx, Messages m) {
        String token = Sessions.token();
        ctx.header("Set-Cookie", LOGIN_CSRF + "=" + token + "; Path=" + at(m, "analyst/login") + "; HttpOnly; Secure; SameSite=Strict");
        ctx.html(pages.loginForm(m, token));
    }

    private void login(Context ctx, Messages m) {
        ctx.header("Cache-Control", "no-store");
        String ip = ctx.ip();
        String user = AuditLog.capped(formField(ctx, "user"));
        String cookie = ctx.cookie(LOGIN_CSRF);
        String form = formField(ctx, "csrf");
        if (cookie == null || form == null || !java.security.MessageDigest.isEqual(cookie.getBytes(), form.getBytes())) {
            audit.record(user, ip, "login", "refused", "missing or wrong CSRF token");
            ctx.status(403).html(pages.loginExpired(m));
            return;
        }
        LoginThrottle.Attempt attempt = throttle.attempt(ip, user);
        if (attempt == null) {
            audit.record(user, ip, "login", "refused", "too many failed attempts");
            ctx.status(429).header("Retry-After", "900").html(pages.notice(m, "analyst/login", m.get("analyst.throttled.title"),
                    m.get("analyst.throttled.text")));
            return;
        }
        Optional<Accounts.Account> account = accounts.authenticate(user, formField(ctx, "password"));
        if (account.isEmpty()) {
            audit.record(user, ip, "login", "refused", "wrong account or password, or a disabled account");
            ctx.status(401).html(pages.loginWrong(m));
            return;
        }
        throttle.succeeded(attempt);
        String id = sessions.open(account.get());
        Role role = account.get().role();
        ctx.header("Set-Cookie", Sessions.COOKIE + "=" + id + "; Path=/; Max-Age=" + Sessions.LIFETIME_SECONDS
                + "; HttpOnly; Secure; SameSite=Strict");
        audit.record(user, ip, "login", "ok", role.name().toLowerCase(Locale.ROOT));
        ctx.redirect(role.atLeast(Role.ANALYST) ? at(m, "analyst") : at(m, "analyst/account"));
    }

    private void dashboard(Context ctx, Messages m, Sessions.Session s, String problem) {
        List<Jobs.Job> visible = jobs.all().stream().filter(j -> s.role() == Role.ADMIN || j.owner().equals(s.account())).toList();
        ctx.html(pages.dashboard(m, s, problem, cases.values(), visible, s.role() == Role.ADMIN ? accounts.all() : List.of()));
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
        if (!UploadValidator.accepted(ext)) {
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
        UploadValidator.Refusal problem = validator.validate(stored, shownName);
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
     * @param spec a case
     * @return the variables its plan reads from the survey ({@link AnalysisSpec#designVariables()}),
     *     then its outcomes (or the item columns of indicator outcomes)
     */
    public static List<String> variables(CaseSpec spec) {
        Set<String> v = new LinkedHashSet<>();
        Set<String> outcomes = new LinkedHashSet<>();
        for (AnalysisSpec a : spec.plan()) {
            v.addAll(a.designVariables());
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
            ctx.status(404).html(pages.notice(m, "analyst", m.get("analyst.notfound.title"), m.get("analyst.notfound.job")));
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
        ctx.html(pages.job(m, s, j));
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
        if (jobs.start(j, mapping)) {
            audit.record(s.account(), ctx.ip(), "run", "ok", j.id() + " mapping " + mapping);
        }
        ctx.redirect(at(m, "analyst/jobs/" + j.id()));
    }

    private void publish(Context ctx, Messages m, Sessions.Session s) {
        Optional<Jobs.Job> found = ownJob(ctx, m, s);
        if (found.isEmpty()) {
            return;
        }
        Jobs.Status status = found.get().status();
        if (status == Jobs.Status.PARTIAL && !"yes".equals(formField(ctx, "partial"))) {
            audit.record(s.account(), ctx.ip(), "publish", "refused", found.get().id() + ": partial, not confirmed");
            ctx.status(409).html(pages.notice(m, "analyst/jobs/" + found.get().id(), m.get("analyst.notfinished.title"),
                    m.get("analyst.job.partialconfirm")));
            return;
        }
        if (!found.get().hasResults()) {
            ctx.status(409).html(pages.notice(m, "analyst/jobs/" + found.get().id(), m.get("analyst.notfinished.title"),
                    m.get("analyst.notfinished.text")));
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
        try {
            accounts.put(user, role.get(), password);
        } catch (IllegalArgumentException e) {
            audit.record(s.account(), ctx.ip(), "create-account", "refused", user + ": the last enabled admin");
            ctx.status(409);
            dashboard(ctx, m, s, m.get("analyst.account.lastadmin"));
            return;
        }
        audit.record(s.account(), ctx.ip(), "create-account", "ok", user + " " + role.get().name().toLowerCase(Locale.ROOT));
        ctx.redirect(at(m, "analyst"));
    }

    /** An admin disables, enables or deletes an account; its sessions end at their next request. */
    private void changeAccount(Context ctx, Messages m, Sessions.Session s) {
        String name = ctx.pathParam("name");
        String change = ctx.pathParam("change");
        Optional<Accounts.Account> target = accounts.find(name);
        if (target.isEmpty() || !List.of("disable", "enable", "delete").contains(change)) {
            ctx.attribute(EXPLAINED, true);
            ctx.status(404).html(pages.notice(m, "analyst", m.get("analyst.notfound.title"), m.get("analyst.account.unknown")));
            return;
        }
        boolean done = change.equals("delete") ? accounts.delete(name) : accounts.setEnabled(name, change.equals("enable"));
        audit.record(s.account(), ctx.ip(), change + "-account", done ? "ok" : "refused", done ? name : name + ": the last enabled admin");
        if (!done) {
            ctx.status(409);
            dashboard(ctx, m, s, m.get("analyst.account.lastadmin"));
            return;
        }
        ctx.redirect(at(m, "analyst"));
    }

    private void auditPage(Context ctx, Messages m) {
        int page;
        try {
            page = Math.max(0, Integer.parseInt(Optional.ofNullable(ctx.queryParam("page")).orElse("0")));
        } catch (NumberFormatException e) {
            page = 0;
        }
        ctx.html(pages.audit(m, page, AUDIT_SHOWN, audit.page(page, AUDIT_SHOWN)));
    }

    private void published(Context ctx, Messages m) {
        Optional<Jobs.Job> j = jobs.find(ctx.pathParam("id"));
        if (j.isEmpty() || !j.get().published()) {
            ctx.attribute(EXPLAINED, true);
            ctx.status(404).html(pages.notice(m, "published/" + ctx.pathParam("id").replaceAll("[^A-Za-z0-9_-]", ""),
                    m.get("analyst.notfound.title"), m.get("analyst.published.none")));
            return;
        }
        ctx.html(pages.published(m, j.get()));
    }

    /**
     * @param rows estimates
     * @param suppress true for a published table: every number of a row resting on fewer than {@link #MIN_CELL} observations is withheld
     * @param m the page's language
     * @return the estimates as an HTML table
     */
    public static String table(List<EstimateRecord> rows, boolean suppress, Messages m) {
        return AnalystPages.table(rows, suppress, m);
    }
}
