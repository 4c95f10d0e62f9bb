package org.synergia.web.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.store.ResultsStore;
import org.synergia.report.documents.CaseResults;
import org.synergia.report.documents.CrossCuttingReport;
import org.synergia.report.documents.Workspace;
import org.synergia.report.i18n.Messages;
import org.synergia.web.analyst.AnalystArea;
import org.synergia.stats.estimator.Estimators;
import org.synergia.web.api.ApiDocuments;
import org.synergia.web.site.CaseFilter;
import org.synergia.web.site.Downloads;
import org.synergia.web.site.EstimatesCsv;
import org.synergia.web.site.Links;
import org.synergia.web.site.Site;
import org.synergia.web.site.SiteExport;

/**
 * The portal's web server (Javalin on Jetty): the public pages in three languages, the report
 * downloads, the results CSVs and the JSON API with its OpenAPI description. Every path
 * parameter is looked up in a list of known names (cases, languages, cross-cutting kinds, report
 * files from the workspace's listing); nothing a request names is ever resolved as a path.
 * Public pages are rendered once and kept. The analyst area lives under {@code /analyst}.
 */
public final class PortalServer implements AutoCloseable {

    private static final String OPENAPI = "/org/synergia/web/openapi.json";

    private final Site site;
    private final AnalystArea analyst;
    private final Javalin app;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final byte[] style;
    private final byte[] openApi;

    private PortalServer(Site site, AnalystArea analyst, String host, int port) {
        this.site = site;
        this.analyst = analyst;
        this.style = resource(SiteExport.STYLE_RESOURCE);
        this.openApi = resource(OPENAPI);
        this.app = Javalin.create(this::configure).start(host, port);
    }

    /**
     * Reads a workspace and serves it.
     *
     * @param workspace the workspace folder (with {@code results.duckdb} and {@code reports/})
     * @param specs the cases' specifications
     * @param version Synergia's version
     * @param host the address to listen on ({@code 127.0.0.1} for this machine only)
     * @param port the port, 0 for any free port
     * @return the running server
     */
    public static PortalServer start(Path workspace, List<CaseSpec> specs, String version, String host, int port) {
        Workspace content;
        try (ResultsStore store = ResultsStore.open(workspace.resolve("results.duckdb"))) {
            content = Workspace.load(store, specs, version);
        }
        return new PortalServer(new Site(content, Downloads.scan(workspace)), new AnalystArea(workspace, specs, version), host, port);
    }

    /** @return the analyst area (accounts, jobs) */
    public AnalystArea analyst() {
        return analyst;
    }

    /** @return the port the server listens on */
    public int port() {
        return app.port();
    }

    /** Stops the server. */
    @Override
    public void close() {
        app.stop();
        analyst.close();
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = 1_000_000;
        config.jetty.multipartConfig.maxFileSize(AnalystArea.MAX_UPLOAD, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(AnalystArea.MAX_UPLOAD + 1024 * 1024, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(1024 * 1024, SizeUnit.BYTES);
        config.router.ignoreTrailingSlashes = true;
        var r = config.routes;
        r.before(SecurityHeaders::apply);
        r.get("/assets/site.css", ctx -> ctx.contentType("text/css; charset=utf-8").header("Cache-Control", "public, max-age=3600")
                .result(style));
        for (String lang : Messages.LANGUAGES) {
            String p = lang.equals("en") ? "" : "/" + lang;
            Messages m = Messages.of(lang);
            r.get(p.isEmpty() ? "/" : p, ctx -> home(ctx, m));
            r.get(p + "/filter/{dimension}/{value}", ctx -> filtered(ctx, m));
            r.get(p + "/cases/{id}", ctx -> casePage(ctx, m));
            r.get(p + "/synthesis/{kind}", ctx -> synthesis(ctx, m));
            r.get(p + "/search", ctx -> ctx.html(site.search(m, ctx.queryParam("q"))));
        }
        analyst.routes(r);
        r.get("/reports/{lang}/{file}", this::report);
        r.get("/data/{file}", this::dataCsv);
        r.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        r.get("/api/cases", ctx -> json(ctx, ApiDocuments.write(ApiDocuments.cases(site.workspace()))));
        r.get("/api/cases/{id}", ctx -> apiCase(ctx, c -> ApiDocuments.write(ApiDocuments.caseDetail(c))));
        r.get("/api/cases/{id}/estimates", ctx -> apiCase(ctx, c -> ApiDocuments.write(ApiDocuments.estimates(c))));
        r.get("/api/cases/{id}/estimates.csv", ctx -> {
            Optional<CaseResults> c = site.find(ctx.pathParam("id"));
            if (c.isEmpty()) {
                notFound(ctx);
                return;
            }
            csv(ctx, c.get());
        });
        r.get("/api/synthesis", ctx -> json(ctx, ApiDocuments.write(ApiDocuments.synthesis(site.workspace()))));
        r.get("/api/estimators", ctx -> json(ctx, ApiDocuments.write(ApiDocuments.estimators(Estimators.installed()))));
        r.error(404, ctx -> {
            if (ctx.attribute(AnalystArea.EXPLAINED) == null) {
                notFound(ctx);
            }
        });
        r.exception(Exception.class, (e, ctx) -> {
            int status = clientError(e);
            ctx.status(status);
            if (ctx.path().startsWith("/api/")) {
                json(ctx, ApiDocuments.write(status == 500 ? ApiDocuments.error(500, "internal error")
                        : ApiDocuments.error(status, "malformed request")));
            } else {
                ctx.html(site.problem(Links.LIVE, language(ctx), "site.error.title", "site.error.text"));
            }
        });
    }

    /** The status of a request the server could not parse (a malformed multipart body, too many parts): its 4xx; else 500. */
    private static int clientError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.BadMessageException bad && bad.getCode() >= 400 && bad.getCode() < 500) {
                return bad.getCode();
            }
        }
        return 500;
    }

    private void home(Context ctx, Messages m) {
        CaseFilter filter = CaseFilter.parse(ctx.queryParam("region"), ctx.queryParam("type"), ctx.queryParam("domain"));
        String key = m.language() + "|home|" + filter;
        ctx.html(cached(key, () -> site.home(Links.LIVE, m, filter, "")));
    }

    private void filtered(Context ctx, Messages m) {
        String dimension = ctx.pathParam("dimension");
        String value = ctx.pathParam("value");
        CaseFilter filter = switch (dimension) {
            case "region" -> CaseFilter.parse(value, null, null);
            case "type" -> CaseFilter.parse(null, value, null);
            case "domain" -> CaseFilter.parse(null, null, value);
            default -> CaseFilter.NONE;
        };
        if (filter.isEmpty()) {
            notFound(ctx);
            return;
        }
        String path = "filter/" + dimension + "/" + value;
        ctx.html(cached(m.language() + "|" + filter, () -> site.home(Links.LIVE, m, filter, path)));
    }

    private void casePage(Context ctx, Messages m) {
        Optional<CaseResults> c = site.find(ctx.pathParam("id"));
        if (c.isEmpty()) {
            notFound(ctx);
            return;
        }
        ctx.html(cached(m.language() + "|case|" + c.get().spec().id(), () -> site.casePage(Links.LIVE, m, c.get())));
    }

    private void synthesis(Context ctx, Messages m) {
        String id = ctx.pathParam("kind");
        for (CrossCuttingReport.Kind kind : CrossCuttingReport.Kind.values()) {
            if (kind.id().equals(id)) {
                ctx.html(cached(m.language() + "|synthesis|" + kind.id(), () -> site.synthesis(Links.LIVE, m, kind)));
                return;
            }
        }
        notFound(ctx);
    }

    private void report(Context ctx) throws IOException {
        Optional<Path> file = site.downloads().find(ctx.pathParam("lang"), ctx.pathParam("file"));
        if (file.isEmpty()) {
            notFound(ctx);
            return;
        }
        String name = file.get().getFileName().toString();
        ctx.contentType(name.endsWith(".pdf") ? "application/pdf" : "text/html; charset=utf-8");
        ctx.result(Files.readAllBytes(file.get()));
    }

    private void dataCsv(Context ctx) {
        String file = ctx.pathParam("file");
        Optional<CaseResults> c = file.endsWith("-estimates.csv")
                ? site.find(file.substring(0, file.length() - "-estimates.csv".length())) : Optional.empty();
        if (c.isEmpty() || c.get().estimates().isEmpty()) {
            notFound(ctx);
            return;
        }
        csv(ctx, c.get());
    }

    private static void csv(Context ctx, CaseResults c) {
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + c.spec().id()
                + "-estimates.csv\"").result(EstimatesCsv.of(c));
    }

    private void apiCase(Context ctx, java.util.function.Function<CaseResults, String> document) {
        Optional<CaseResults> c = site.find(ctx.pathParam("id"));
        if (c.isEmpty()) {
            notFound(ctx);
            return;
        }
        json(ctx, document.apply(c.get()));
    }

    private void notFound(Context ctx) {
        ctx.status(404);
        if (ctx.path().startsWith("/api/")) {
            json(ctx, ApiDocuments.write(ApiDocuments.error(404, "not found")));
        } else {
            ctx.html(site.problem(Links.LIVE, language(ctx), "site.notfound.title", "site.notfound.text"));
        }
    }

    private static Messages language(Context ctx) {
        String path = ctx.path();
        for (String lang : Messages.LANGUAGES) {
            if (path.equals("/" + lang) || path.startsWith("/" + lang + "/")) {
                return Messages.of(lang);
            }
        }
        return Messages.of("en");
    }

    private static void json(Context ctx, String text) {
        ctx.contentType("application/json").result(text);
    }

    private String cached(String key, Supplier<String> page) {
        return pages.computeIfAbsent(key, k -> page.get());
    }

    private static byte[] resource(String name) {
        try (InputStream in = PortalServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
