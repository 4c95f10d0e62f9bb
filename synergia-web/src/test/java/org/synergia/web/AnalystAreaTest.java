package org.synergia.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.cases.simulate.SurveySimulator;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.cases.spec.CaseSpecReader;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.data.io.DatasetWriters;
import org.synergia.report.i18n.Messages;
import org.synergia.stats.inference.Term;
import org.synergia.web.analyst.AnalystArea;
import org.synergia.web.analyst.Role;
import org.synergia.web.server.PortalServer;

/** The analyst area over HTTP: login, roles, CSRF, uploads (good, malformed, oversized), a background job, publication, throttling. */
class AnalystAreaTest {

    static final String ANALYST_PASSWORD = "analyst-password-1";
    private static PortalServer server;
    private static int port;

    @BeforeAll
    static void start() {
        server = PortalServer.start(PortalFixture.workspace(), CaseCatalogue.all(), "test", "127.0.0.1", 0);
        port = server.port();
        server.analyst().accounts().put("ana", Role.ANALYST, ANALYST_PASSWORD);
        server.analyst().accounts().put("vic", Role.VIEWER, "viewer-password-1");
        server.analyst().accounts().put("adm", Role.ADMIN, "admin-password-12");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return PortalFixture.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).orElse(null);
    }

    static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** Logs in; returns the login response. */
    static HttpResponse<String> login(int port, String user, String password) {
        return login(port, "", user, password);
    }

    /** Logs in through the login page of a language ({@code ""}, {@code "/es"}, {@code "/fr"}); returns the login response. */
    static HttpResponse<String> login(int port, String prefix, String user, String password) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri(port, prefix + "/analyst/login")));
        String token = cookie(page, "synergia_login_csrf");
        assertEquals(token, group(page.body(), "name=\"csrf\" value=\"([^\"]+)\""));
        return send(HttpRequest.newBuilder(uri(port, prefix + "/analyst/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "synergia_login_csrf=" + token)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("user", user, "password", password, "csrf", token)))));
    }

    static String session(String user, String password) {
        HttpResponse<String> r = login(port, user, password);
        assertEquals(302, r.statusCode(), r.body());
        String set = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("synergia_session=")).findFirst().orElseThrow();
        assertTrue(set.contains("HttpOnly") && set.contains("Secure") && set.contains("SameSite=Strict"), set);
        return cookie(r, "synergia_session");
    }

    static HttpResponse<String> get(String session, String path) {
        return send(HttpRequest.newBuilder(uri(port, path)).header("Cookie", "synergia_session=" + session));
    }

    static HttpResponse<String> upload(String session, String csrf, String caseId, String fileName, byte[] content) {
        return upload(port, "", session, csrf, caseId, fileName, content);
    }

    /** Uploads a survey through the upload form of a language ({@code ""}, {@code "/es"}, {@code "/fr"}). */
    static HttpResponse<String> upload(int port, String prefix, String session, String csrf, String caseId, String fileName, byte[] content) {
        String boundary = "----synergia" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        if (csrf != null) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n").append(csrf).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"case\"\r\n\r\n").append(caseId).append("\r\n");
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"survey\"; filename=\"").append(fileName)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(port, prefix + "/analyst/upload")).header("Cookie", "synergia_session=" + session)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    static String csrf(String session) {
        return group(get(session, "/analyst").body(), "name=\"csrf\" value=\"([^\"]+)\"");
    }

    @Test
    void analystUploadsRunsAndSeesResultsPrivatelyUntilPublished() throws Exception {
        String ana = session("ana", ANALYST_PASSWORD);
        String csrf = csrf(ana);
        Path csv = Files.createTempFile("mali-survey", ".csv");
        DatasetWriters.write(SurveySimulator.simulate(CaseSpecReader.bundled("mali-cash-plus")).data(), csv);
        HttpResponse<String> up = upload(ana, csrf, "mali-cash-plus", "mali survey.csv", Files.readAllBytes(csv));
        assertEquals(302, up.statusCode(), up.body());
        String job = up.headers().firstValue("Location").orElseThrow();
        String mapping = get(ana, job).body();
        assertTrue(mapping.contains("Map your variables") && mapping.contains("name=\"map."), "mapping form");
        HttpResponse<String> run = send(HttpRequest.newBuilder(uri(port, job + "/run")).header("Cookie", "synergia_session=" + ana)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(Map.of("csrf", csrf)))));
        assertEquals(302, run.statusCode());
        String page = "";
        for (int i = 0; i < 240 && !page.contains("class=\"status\">done") && !page.contains("class=\"status\">failed"); i++) {
            Thread.sleep(500);
            page = get(ana, job).body();
        }
        assertTrue(page.contains("class=\"status\">done"), page);
        assertTrue(page.contains("data-field=\"estimate\""), "results shown to their analyst");
        String id = job.substring(job.lastIndexOf('/') + 1);
        assertEquals(404, PortalFixture.get(port, "/published/" + id).statusCode(), "private until published");
        String vic = session("vic", "viewer-password-1");
        assertEquals(403, get(vic, job).statusCode(), "a viewer cannot see analyst pages");
        String adm = session("adm", "admin-password-12");
        HttpResponse<String> pub = send(HttpRequest.newBuilder(uri(port, job + "/publish")).header("Cookie", "synergia_session=" + adm)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(Map.of("csrf", csrf(adm))))));
        assertEquals(302, pub.statusCode());
        HttpResponse<String> published = PortalFixture.get(port, "/published/" + id);
        assertEquals(200, published.statusCode());
        assertTrue(published.body().contains("data-field=\"estimate\""));
        assertFalse(published.body().contains("hh_id") || published.body().contains(".csv"), "no microdata, no file name");
        String audit = Files.readString(PortalFixture.workspace().resolve("analyst/audit.log"));
        for (String action : List.of("\"login\"", "\"upload\"", "\"run\"", "\"publish\"")) {
            assertTrue(audit.contains(action), action);
        }
        assertFalse(audit.contains(ANALYST_PASSWORD), "no password in the log");
    }

    @Test
    void publishedTablesSuppressSmallCells() {
        EstimateRecord small = new EstimateRecord("c", "a", "ra", "y", "d", Term.named("ATE"), "", 1.5, 0.2, 1.1, 1.9, 0.01, Double.NaN, 9, Double.NaN, 1);
        EstimateRecord large = new EstimateRecord("c", "a", "ra", "y", "d", Term.named("ATET"), "", 2.5, 0.2, 2.1, 2.9, 0.01, Double.NaN, 10, Double.NaN, 1);
        String published = AnalystArea.table(List.of(small, large), true, Messages.of("en"));
        assertTrue(published.contains("suppressed (n &lt; 10)"));
        assertFalse(published.contains("data-value=\"1.5\""));
        assertTrue(published.contains("data-value=\"2.5\""));
        assertTrue(AnalystArea.table(List.of(small), false, Messages.of("en")).contains("data-value=\"1.5\""), "the analyst sees every cell privately");
        String french = AnalystArea.table(List.of(small, large), true, Messages.of("fr"));
        assertTrue(french.contains("masqué (n &lt; 10)") && french.contains("<th scope=\"col\">Estimation</th>"), french);
        assertFalse(french.contains("data-value=\"1.5\""), "the same rows are suppressed in every language");
    }

    @Test
    void viewerCannotReachTheAnalystAreaButHasAPageToLogOutFrom() {
        HttpResponse<String> r = login(port, "vic", "viewer-password-1");
        assertEquals("/analyst/account", r.headers().firstValue("Location").orElseThrow());
        String vic = cookie(r, "synergia_session");
        assertEquals(403, get(vic, "/analyst").statusCode());
        HttpResponse<String> account = get(vic, "/analyst/account");
        assertEquals(200, account.statusCode());
        assertEquals("no-store", account.headers().firstValue("Cache-Control").orElse(""), "private pages are not cached");
        String csrf = group(account.body(), "name=\"csrf\" value=\"([^\"]+)\"");
        HttpResponse<String> out = send(HttpRequest.newBuilder(uri(port, "/analyst/logout")).header("Cookie", "synergia_session=" + vic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("csrf", csrf)))));
        assertEquals(302, out.statusCode());
        assertEquals(302, get(vic, "/analyst/account").statusCode(), "the session ended: back to the login page");
        assertEquals(302, PortalFixture.get(port, "/analyst").statusCode(), "no session: to the login page");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        String ana = session("ana", ANALYST_PASSWORD);
        assertEquals(403, upload(ana, null, "mali-cash-plus", "x.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(403, upload(ana, "forged", "mali-cash-plus", "x.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)).statusCode());
        HttpResponse<String> noLoginToken = send(HttpRequest.newBuilder(uri(port, "/analyst/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("user", "ana", "password", ANALYST_PASSWORD)))));
        assertEquals(403, noLoginToken.statusCode());
        assertEquals(200, PortalFixture.get(port, "/").statusCode());
    }

    @Test
    void malformedAndOversizedUploadsAreRefusedAndTheServerStillServes() {
        String ana = session("ana", ANALYST_PASSWORD);
        String csrf = csrf(ana);
        HttpResponse<String> dta = upload(ana, csrf, "mali-cash-plus", "broken.dta", "this is not a Stata file at all".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, dta.statusCode());
        assertTrue(dta.body().contains("broken.dta"), "the reader's message names the file: " + dta.body());
        assertFalse(dta.body().contains(PortalFixture.workspace().toString()), "no server path in the message");
        HttpResponse<String> sav = upload(ana, csrf, "mali-cash-plus", "broken.sav", new byte[] {'$', 'F', 'L', '2', 0, 1, 2, 3});
        assertEquals(400, sav.statusCode());
        HttpResponse<String> exe = upload(ana, csrf, "mali-cash-plus", "tool.exe", new byte[] {1, 2, 3});
        assertEquals(400, exe.statusCode());
        int status;
        try {
            status = upload(ana, csrf, "mali-cash-plus", "huge.csv", new byte[(int) AnalystArea.MAX_UPLOAD + 2 * 1024 * 1024]).statusCode();
        } catch (RuntimeException e) {
            status = -1; // the server may close the connection
        }
        assertTrue(status == 413 || status == -1, "oversized upload gave " + status);
        assertEquals(200, PortalFixture.get(port, "/").statusCode(), "the server still serves");
        assertEquals(200, get(ana, "/analyst").statusCode());
    }

    @Test
    void bruteForceLoginIsThrottled() {
        try (PortalServer fresh = PortalServer.start(PortalFixture.workspace(), CaseCatalogue.all(), "test", "127.0.0.1", 0)) {
            int last = 0;
            for (int i = 0; i < 7; i++) {
                last = login(fresh.port(), "ana", "wrong-password-" + i).statusCode();
            }
            assertEquals(429, last, "refused after five failures");
            assertEquals(429, login(fresh.port(), "ana", ANALYST_PASSWORD).statusCode(), "even with the right password while blocked");
            assertEquals(200, PortalFixture.get(fresh.port(), "/").statusCode(), "the server still serves");
        }
    }
}
