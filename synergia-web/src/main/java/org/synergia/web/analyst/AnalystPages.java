package org.synergia.web.analyst;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.report.html.Html;
import org.synergia.report.i18n.Messages;
import org.synergia.web.site.Links;
import org.synergia.web.site.SiteLayout;

/**
 * The HTML of the analyst area's pages, in the site's layout and a page's language: the login
 * form, the dashboard (upload form, jobs, account form), a job's page (variable mapping, progress,
 * results), the audit log, published results and the short notices of refusals. Renders what it
 * is given; reads no request and records nothing.
 */
final class AnalystPages {

    private final String version;

    /** @param version Synergia's version, for the pages' footer */
    AnalystPages(String version) {
        this.version = version;
    }

    /** The address of a page of the area in a language. */
    static String at(Messages m, String path) {
        return Links.LIVE.page(m.language(), path);
    }

    /** A page of the area: the title as its heading, then the body. */
    String page(Messages m, String path, String title, String body) {
        return SiteLayout.page(Links.LIVE, m, path, title, null, "<h1>" + Html.escape(title) + "</h1>" + body, version);
    }

    /** A page holding one paragraph, such as a refusal. */
    String notice(Messages m, String path, String title, String text) {
        return page(m, path, title, paragraph(text));
    }

    /** The login form, carrying the login CSRF token. */
    String loginForm(Messages m, String token) {
        String action = at(m, "analyst/login");
        return page(m, "analyst/login", m.get("analyst.login.title"), "<form method=\"post\" action=\"" + action
                + "\"><input type=\"hidden\" name=\"csrf\" value=\"" + token + "\"><p><label for=\"user\">"
                + Html.escape(m.get("analyst.login.account")) + "</label> <input id=\"user\" name=\"user\" autocomplete=\"username\" required></p>"
                + "<p><label for=\"password\">" + Html.escape(m.get("analyst.login.password"))
                + "</label> <input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></p>"
                + "<p><button type=\"submit\">" + Html.escape(m.get("analyst.login.submit")) + "</button></p></form>");
    }

    /** The refusal of a login whose form token is missing or wrong, with a link to the form. */
    String loginExpired(Messages m) {
        return page(m, "analyst/login", m.get("analyst.refused.title"), "<p>" + Html.escape(m.get("analyst.login.expired"))
                + " " + loginLink(m) + Html.escape(m.get("analyst.login.reload")) + "</a>.</p>");
    }

    /** The refusal of a wrong account or password, with a link to the form. */
    String loginWrong(Messages m) {
        return page(m, "analyst/login", m.get("analyst.login.title"), "<p role=\"alert\">"
                + Html.escape(m.get("analyst.login.wrong")) + "</p><p>" + loginLink(m) + Html.escape(m.get("analyst.login.retry")) + "</a></p>");
    }

    private static String loginLink(Messages m) {
        return "<a href=\"" + at(m, "analyst/login") + "\">";
    }

    /**
     * The dashboard of a session.
     *
     * @param problem why the last form was refused, or null
     * @param cases the cases analysts may run
     * @param visible the jobs the session may see
     */
    String dashboard(Messages m, Sessions.Session s, String problem, Collection<CaseSpec> cases, List<Jobs.Job> visible,
            List<Accounts.Account> accounts) {
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
        b.append(uploadForm(m, s, cases));
        b.append("<h2>").append(Html.escape(m.get("analyst.jobs.heading"))).append("</h2>");
        b.append(visible.isEmpty() ? paragraph(m.get("analyst.jobs.none")) : jobsTable(m, visible));
        if (s.role() == Role.ADMIN) {
            b.append(accountsTable(m, s, accounts));
            b.append(accountForm(m, s));
        }
        return page(m, "analyst", m.get("analyst.title"), b.toString());
    }

    /** Any role's own page: who is logged in, the way out, and the analyst area for those who may enter it. */
    String account(Messages m, Sessions.Session s) {
        StringBuilder b = new StringBuilder();
        b.append(paragraph(m.get("analyst.loggedin", s.account(), roleName(m, s.role()))));
        if (s.role().atLeast(Role.ANALYST)) {
            b.append("<p><a href=\"").append(at(m, "analyst")).append("\">").append(Html.escape(m.get("analyst.account.dashboard")))
                    .append("</a></p>");
        }
        b.append(csrfForm(s, at(m, "analyst/logout"), "<button type=\"submit\">" + Html.escape(m.get("analyst.logout")) + "</button>"));
        return page(m, "analyst/account", m.get("analyst.account.title"), b.toString());
    }

    /** The admins' list of accounts, each with its disable or enable and delete buttons. */
    private static String accountsTable(Messages m, Sessions.Session s, List<Accounts.Account> accounts) {
        StringBuilder b = new StringBuilder("<h2>").append(Html.escape(m.get("analyst.accounts.heading"))).append("</h2><table><thead><tr>");
        for (String col : List.of("analyst.account.name", "analyst.account.role", "analyst.accounts.status")) {
            b.append("<th scope=\"col\">").append(Html.escape(m.get(col))).append("</th>");
        }
        b.append("<th scope=\"col\"></th></tr></thead><tbody>");
        for (Accounts.Account a : accounts) {
            String path = "analyst/accounts/" + a.name() + "/";
            String toggle = a.enabled() ? "disable" : "enable";
            b.append("<tr><td>").append(Html.escape(a.name())).append("</td><td>").append(Html.escape(roleName(m, a.role())))
                    .append("</td><td>").append(Html.escape(m.get(a.enabled() ? "analyst.accounts.enabled" : "analyst.accounts.disabled")))
                    .append("</td><td class=\"actions\">")
                    .append(csrfForm(s, at(m, path + toggle), "<button type=\"submit\">" + Html.escape(m.get("analyst.accounts." + toggle))
                            + "</button>"))
                    .append(csrfForm(s, at(m, path + "delete"), "<button type=\"submit\">" + Html.escape(m.get("analyst.accounts.delete"))
                            + "</button>"))
                    .append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    private static String uploadForm(Messages m, Sessions.Session s, Collection<CaseSpec> cases) {
        String lang = m.language();
        StringBuilder b = new StringBuilder();
        b.append("<h2>").append(Html.escape(m.get("analyst.upload.heading"))).append("</h2><form method=\"post\" action=\"")
                .append(at(m, "analyst/upload")).append("\" enctype=\"multipart/form-data\">")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(s.csrf()).append("\">")
                .append("<p><label for=\"case\">").append(Html.escape(m.get("analyst.upload.case")))
                .append("</label> <select id=\"case\" name=\"case\">");
        cases.forEach(c -> b.append("<option value=\"").append(c.id()).append("\">")
                .append(Html.escape(c.title().in(lang) + " — " + c.country().in(lang))).append("</option>"));
        b.append("</select></p><p><label for=\"survey\">").append(Html.escape(m.get("analyst.upload.file"))).append("</label> ")
                .append("<input id=\"survey\" name=\"survey\" type=\"file\" accept=\".csv,.dta,.sav\" required></p>")
                .append("<p><button type=\"submit\">").append(Html.escape(m.get("analyst.upload.submit"))).append("</button></p></form>");
        return b.toString();
    }

    private static String jobsTable(Messages m, List<Jobs.Job> visible) {
        StringBuilder b = new StringBuilder("<table><thead><tr>");
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
        return b.append("</tbody></table>").toString();
    }

    private static String accountForm(Messages m, Sessions.Session s) {
        StringBuilder roles = new StringBuilder();
        for (Role role : Role.values()) {
            String v = role.name().toLowerCase(Locale.ROOT);
            roles.append("<option value=\"").append(v).append("\">").append(Html.escape(roleName(m, role))).append("</option>");
        }
        return "<h2>" + Html.escape(m.get("analyst.account.heading")) + "</h2>" + csrfForm(s, at(m, "analyst/accounts"),
                "<p><label for=\"new-user\">" + Html.escape(m.get("analyst.account.name")) + "</label> <input id=\"new-user\" name=\"user\" required></p>"
                + "<p><label for=\"new-role\">" + Html.escape(m.get("analyst.account.role")) + "</label> <select id=\"new-role\" name=\"role\">"
                + roles + "</select></p><p><label for=\"new-password\">" + Html.escape(m.get("analyst.account.password", Accounts.MIN_PASSWORD))
                + "</label> <input id=\"new-password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required></p>"
                + "<p><button type=\"submit\">" + Html.escape(m.get("analyst.account.submit")) + "</button></p>");
    }

    /** A job's page: its case, file and status, then what its status calls for. */
    String job(Messages m, Sessions.Session s, Jobs.Job j) {
        StringBuilder b = new StringBuilder();
        b.append("<p><a href=\"").append(at(m, "analyst")).append("\">").append(Html.escape(m.get("analyst.job.back"))).append("</a></p>")
                .append("<dl class=\"job\"><dt>").append(Html.escape(m.get("analyst.col.case"))).append("</dt><dd>")
                .append(Html.escape(j.spec() == null ? j.caseId() : j.spec().title().in(m.language()) + " (" + j.caseId() + ")"))
                .append("</dd><dt>").append(Html.escape(m.get("analyst.col.file"))).append("</dt><dd>").append(Html.escape(j.fileName()))
                .append("</dd><dt>").append(Html.escape(m.get("analyst.col.status"))).append("</dt><dd><strong data-status=\"")
                .append(j.status().name().toLowerCase(Locale.ROOT)).append("\" class=\"status\">").append(status(m, j.status()))
                .append("</strong>").append(j.progress().isEmpty() ? "" : " (" + Html.escape(j.progress()) + ")").append("</dd></dl>");
        switch (j.status()) {
            case MAPPING -> b.append(mappingForm(m, s, j));
            case QUEUED, RUNNING -> b.append("<p role=\"status\">").append(Html.escape(m.get("analyst.job.running"))).append("</p>");
            case FAILED -> b.append(alert(m.get("analyst.job.failed", j.message(m.language()))));
            case INTERRUPTED -> b.append(alert(m.get("analyst.job.interrupted")));
            case DONE -> b.append(results(m, s, j));
            case PARTIAL -> b.append(alert(m.get("analyst.job.partial", j.message()))).append(results(m, s, j));
        }
        return page(m, "analyst/jobs/" + j.id(), m.get("analyst.job.title", j.id()), b.toString());
    }

    private static String mappingForm(Messages m, Sessions.Session s, Jobs.Job j) {
        StringBuilder fields = new StringBuilder();
        int i = 0;
        for (String v : AnalystArea.variables(j.spec())) {
            fields.append("<p><label for=\"m").append(i).append("\">").append(Html.escape(v)).append("</label> <input id=\"m").append(i)
                    .append("\" name=\"map.").append(Html.escape(v)).append("\" maxlength=\"64\"></p>");
            i++;
        }
        return "<h2>" + Html.escape(m.get("analyst.job.map.heading")) + "</h2>" + paragraph(m.get("analyst.job.map.text"))
                + csrfForm(s, at(m, "analyst/jobs/" + j.id() + "/run"), fields + "<p><button type=\"submit\">"
                + Html.escape(m.get("analyst.job.run")) + "</button></p>");
    }

    private static String results(Messages m, Sessions.Session s, Jobs.Job j) {
        StringBuilder b = new StringBuilder();
        b.append("<h2>").append(Html.escape(m.get("analyst.job.results"))).append("</h2>").append(table(j.estimates(), false, m));
        if (s.role() == Role.ADMIN && !j.published()) {
            // publishing a partial job needs the admin to say so: the failures are shown above
            String confirm = j.status() == Jobs.Status.PARTIAL ? "<p><label><input type=\"checkbox\" name=\"partial\" value=\"yes\""
                    + " required> " + Html.escape(m.get("analyst.job.publishpartial")) + "</label></p>" : "";
            b.append(csrfForm(s, at(m, "analyst/jobs/" + j.id() + "/publish"), confirm + "<button type=\"submit\">"
                    + Html.escape(m.get("analyst.job.publish")) + "</button>"));
        }
        if (j.published()) {
            String address = at(m, "published/" + j.id());
            b.append("<p>").append(Html.escape(m.get("analyst.job.publishedat"))).append(" <a href=\"").append(address).append("\">")
                    .append(address).append("</a>.</p>");
        }
        return b.toString();
    }

    /** The admins' page of audit entries, a page at a time, newest first, with links to the pages beside it. */
    String audit(Messages m, int pageNumber, int size, List<AuditLog.Entry> entries) {
        Html h = new Html(m.locale());
        h.paragraph(m.get("analyst.audit.page", pageNumber * size + 1, pageNumber * size + entries.size()));
        h.tableStart(null, m.get("analyst.audit.time"), m.get("analyst.audit.account"), m.get("analyst.audit.address"),
                m.get("analyst.audit.action"), m.get("analyst.audit.outcome"), m.get("analyst.audit.detail"));
        for (AuditLog.Entry e : entries) {
            h.rowStart(null).cell(e.time()).cell(e.account()).cell(e.address()).cell(e.action()).cell(e.outcome()).cell(e.detail()).rowEnd();
        }
        StringBuilder links = new StringBuilder("<p class=\"pages\">");
        if (pageNumber > 0) {
            links.append("<a href=\"").append(at(m, "analyst/audit")).append("?page=").append(pageNumber - 1).append("\">")
                    .append(Html.escape(m.get("analyst.audit.newer"))).append("</a> ");
        }
        if (entries.size() == size) {
            links.append("<a href=\"").append(at(m, "analyst/audit")).append("?page=").append(pageNumber + 1).append("\">")
                    .append(Html.escape(m.get("analyst.audit.older"))).append("</a>");
        }
        return page(m, "analyst/audit", m.get("analyst.audit.title"), h.tableEnd().toString() + links.append("</p>"));
    }

    /** The public page of a published job's results, small cells suppressed. */
    String published(Messages m, Jobs.Job j) {
        String caseId = j.caseId();
        return page(m, "published/" + j.id(), m.get("analyst.published.title", caseId),
                paragraph(m.get("analyst.published.text", caseId, AnalystArea.MIN_CELL)) + table(j.estimates(), true, m));
    }

    /** The estimates as an HTML table; see {@link AnalystArea#table}. */
    static String table(List<EstimateRecord> rows, boolean suppress, Messages m) {
        Html h = new Html(m.locale());
        h.tableStart(null, m.get("analyst.col.analysis"), m.get("col.outcome"), m.get("analyst.col.term"), m.get("col.estimate"),
                m.get("col.se"), m.get("col.ci"), m.get("col.p"), m.get("col.n"));
        for (EstimateRecord e : rows) {
            boolean hide = suppress && e.n() < AnalystArea.MIN_CELL;
            h.rowStart("data-term=\"" + Html.escape(e.termName()) + "\"").cell(e.analysisId()).cell(e.outcome()).cell(e.termName());
            if (hide) {
                h.cell(m.get("analyst.suppressed", AnalystArea.MIN_CELL)).cell("").cell("").cell("").cell("");
            } else {
                h.number("estimate", e.estimate()).number("se", e.se()).interval(e.ciLow(), e.ciHigh()).pValue("p_value", e.pValue())
                        .cell(String.valueOf(e.n()));
            }
            h.rowEnd();
        }
        return h.tableEnd().toString();
    }

    private static String paragraph(String text) {
        return "<p>" + Html.escape(text) + "</p>";
    }

    private static String alert(String text) {
        return "<p class=\"banner\" role=\"alert\">" + Html.escape(text) + "</p>";
    }

    private static String csrfForm(Sessions.Session s, String action, String inner) {
        return "<form method=\"post\" action=\"" + action + "\"><input type=\"hidden\" name=\"csrf\" value=\"" + s.csrf() + "\">" + inner
                + "</form>";
    }

    private static String roleName(Messages m, Role role) {
        return m.get("analyst.role." + role.name().toLowerCase(Locale.ROOT));
    }

    private static String status(Messages m, Jobs.Status status) {
        return Html.escape(m.get("analyst.status." + status.name().toLowerCase(Locale.ROOT)));
    }
}
