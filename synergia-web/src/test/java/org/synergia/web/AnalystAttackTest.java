package org.synergia.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.synergia.web.AnalystAreaTest.cookie;
import static org.synergia.web.AnalystAreaTest.form;
import static org.synergia.web.AnalystAreaTest.group;
import static org.synergia.web.AnalystAreaTest.send;
import static org.synergia.web.AnalystAreaTest.uri;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.synergia.cases.simulate.SurveySimulator;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.cases.spec.CaseSpecReader;
import org.synergia.data.Dataset;
import org.synergia.data.StringColumn;
import org.synergia.data.io.DatasetWriters;
import org.synergia.web.analyst.AuditLog;
import org.synergia.web.analyst.Role;
import org.synergia.web.server.PortalServer;

/**
 * The analyst area under the attacks and faults of issue 19, each against a real server on a loopback port with a
 * workspace of its own: sessions that outlive their account, a flood of the audit log, parallel and interleaved login
 * guesses, repeated run requests, and jobs whose estimations fail.
 */
class AnalystAttackTest {

    private static final String ADMIN = "admin-password-12";

    private static PortalServer start() {
        PortalServer server = PortalServer.start(PortalFixture.copy(), CaseCatalogue.all(), "test", "127.0.0.1", 0);
        server.analyst().accounts().put("adm", Role.ADMIN, ADMIN);
        return server;
    }

    private static String session(int port, String user, String password) {
        HttpResponse<String> r = AnalystAreaTest.login(port, user, password);
        assertEquals(302, r.statusCode(), r.body());
        return cookie(r, "synergia_session");
    }

    private static HttpResponse<String> get(int port, String session, String path) {
        return send(HttpRequest.newBuilder(uri(port, path)).header("Cookie", "synergia_session=" + session));
    }

    private static HttpResponse<String> post(int port, String session, String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(port, path)).header("Cookie", "synergia_session=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    private static String csrf(int port, String session, String page) {
        return group(get(port, session, page).body(), "name=\"csrf\" value=\"([^\"]+)\"");
    }

    @Test
    void sessionsEndWhenTheAccountIsDemotedDisabledOrDeleted() {
        try (PortalServer server = start()) {
            int port = server.port();
            server.analyst().accounts().put("boss", Role.ADMIN, "boss-password-12");
            String boss = session(port, "boss", "boss-password-12");
            assertEquals(200, get(port, boss, "/analyst/audit").statusCode());
            // demoted (a new password is set with the role): the open session ends, it cannot create admins any more
            server.analyst().accounts().put("boss", Role.VIEWER, "boss-password-13");
            assertEquals(302, get(port, boss, "/analyst/audit").statusCode(), "the session ended with the change");
            HttpResponse<String> create = post(port, boss, "/analyst/accounts",
                    Map.of("user", "mallory", "role", "admin", "password", "mallory-password", "csrf", "x"));
            assertEquals(302, create.statusCode());
            assertTrue(server.analyst().accounts().find("mallory").isEmpty(), "no admin created by the old session");
            // disabled and deleted by an admin through the form: sessions end, login refused
            String adm = session(port, "adm", ADMIN);
            String viewer = session(port, "boss", "boss-password-13");
            assertEquals(200, get(port, viewer, "/analyst/account").statusCode());
            assertEquals(302, post(port, adm, "/analyst/accounts/boss/disable", Map.of("csrf", csrf(port, adm, "/analyst"))).statusCode());
            assertEquals(302, get(port, viewer, "/analyst/account").statusCode(), "a disabled account's session ends");
            assertEquals(401, AnalystAreaTest.login(port, "boss", "boss-password-13").statusCode(), "and it cannot log in");
            assertEquals(302, post(port, adm, "/analyst/accounts/boss/delete", Map.of("csrf", csrf(port, adm, "/analyst"))).statusCode());
            assertTrue(server.analyst().accounts().find("boss").isEmpty());
            // the last enabled admin stays
            HttpResponse<String> last = post(port, adm, "/analyst/accounts/adm/disable", Map.of("csrf", csrf(port, adm, "/analyst")));
            assertEquals(409, last.statusCode());
            assertTrue(server.analyst().accounts().find("adm").orElseThrow().enabled());
            assertEquals("no-store", get(port, adm, "/analyst").headers().firstValue("Cache-Control").orElse(""));
        }
    }

    @Test
    void aFloodOfLongLoginFieldsLeavesTheAuditLogSmall() throws Exception {
        try (PortalServer server = start()) {
            int port = server.port();
            Path log = server.analyst().auditFile();
            long before = Files.exists(log) ? Files.size(log) : 0;
            String huge = "u".repeat(200_000);
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(uri(port, "/analyst/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("user", huge, "password", "x")))));
                assertTrue(r.statusCode() == 403 || r.statusCode() == 413, "refused: " + r.statusCode());
            }
            long grown = Files.size(log) - before;
            assertTrue(grown < 30 * 1024, "the log grew by " + grown + " bytes for 30 requests");
            String adm = session(port, "adm", ADMIN);
            HttpResponse<String> page = get(port, adm, "/analyst/audit");
            assertEquals(200, page.statusCode());
            assertFalse(page.body().contains("u".repeat(AuditLog.MAX_FIELD + 1)), "fields are cut before they are logged");
            assertEquals(200, PortalFixture.get(port, "/").statusCode());
        }
    }

    @Test
    void parallelGuessesAreAllCountedAndOwnLoginsDoNotResetThem() throws Exception {
        try (PortalServer server = start()) {
            int port = server.port();
            server.analyst().accounts().put("mine", Role.VIEWER, "my-own-password");
            ExecutorService pool = Executors.newFixedThreadPool(10);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Callable<Integer> guess = () -> AnalystAreaTest.login(port, "adm", "wrong-guess-number").statusCode();
                answers.add(pool.submit(guess));
            }
            int wrong = 0;
            int throttled = 0;
            for (Future<Integer> f : answers) {
                int status = f.get();
                wrong += status == 401 ? 1 : 0;
                throttled += status == 429 ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(5, wrong, "five guesses checked, however many arrive together");
            assertEquals(15, throttled);
        }
        try (PortalServer server = start()) {
            int port = server.port();
            server.analyst().accounts().put("mine", Role.VIEWER, "my-own-password");
            int guesses = 0;
            for (int round = 0; round < 6; round++) {
                for (int i = 0; i < 2; i++) {
                    if (AnalystAreaTest.login(port, "adm", "wrong-guess-" + round + i).statusCode() == 401) {
                        guesses++;
                    }
                }
                // logging in to one's own account between guesses
                AnalystAreaTest.login(port, "mine", "my-own-password");
            }
            assertEquals(5, guesses, "the attacker's own logins do not clear the guesses against adm");
            assertEquals(429, AnalystAreaTest.login(port, "adm", ADMIN).statusCode(), "blocked even with the right password");
        }
    }

    @Test
    void jobsThatFailEverywhereFailAndPartlyFailedJobsSaySoBeforePublication() throws Exception {
        try (PortalServer server = start()) {
            int port = server.port();
            server.analyst().accounts().put("ana", Role.ANALYST, AnalystAreaTest.ANALYST_PASSWORD);
            String ana = session(port, "ana", AnalystAreaTest.ANALYST_PASSWORD);
            Dataset survey = SurveySimulator.simulate(CaseSpecReader.bundled("mali-cash-plus")).data();
            // a covariate every analysis uses, written as text: no estimation can run
            String failed = runJob(server, ana, withText(survey, "hh_size"));
            String page = get(port, ana, failed).body();
            assertTrue(page.contains("class=\"status\">failed"), page);
            assertTrue(page.contains("every estimation failed"), page);
            assertFalse(page.matches("(?s).*[A-Za-z0-9_-]{20}\\.csv.*"), "the stored upload's name is never shown");
            String adm = session(port, "adm", ADMIN);
            assertEquals(409, post(port, adm, failed + "/publish", Map.of("csrf", csrf(port, adm, "/analyst"))).statusCode());
            // one outcome written as text: the other outcomes' estimates, and the failures named
            String partial = runJob(server, ana, withText(survey, "income"));
            page = get(port, ana, partial).body();
            assertTrue(page.contains("data-status=\"partial\""), page);
            assertTrue(page.contains("income") && page.contains("data-field=\"estimate\""), page);
            String token = csrf(port, adm, "/analyst");
            assertEquals(409, post(port, adm, partial + "/publish", Map.of("csrf", token)).statusCode(), "not without saying so");
            assertEquals(302, post(port, adm, partial + "/publish", Map.of("csrf", token, "partial", "yes")).statusCode());
            try (var left = Files.list(server.analyst().auditFile().resolveSibling("uploads"))) {
                assertEquals(0, left.count(), "the surveys of ended jobs are deleted");
            }
        }
    }

    @Test
    void aMultipartBodyOfThousandsOfPartsIsAClientError() {
        try (PortalServer server = start()) {
            int port = server.port();
            String adm = session(port, "adm", ADMIN);
            String token = csrf(port, adm, "/analyst");
            String boundary = "----parts" + System.nanoTime();
            StringBuilder body = new StringBuilder();
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n").append(token).append("\r\n");
            for (int i = 0; i < 3_001; i++) {
                body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"p").append(i).append("\"\r\n\r\nx\r\n");
            }
            body.append("--").append(boundary).append("--\r\n");
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri(port, "/analyst/upload")).header("Cookie", "synergia_session=" + adm)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, "a client error, not " + r.statusCode());
            assertEquals(200, PortalFixture.get(port, "/").statusCode(), "the server still serves");
        }
    }

    /** Uploads a survey, posts its run ten times at once and waits until it ends; returns the job's page path. */
    private static String runJob(PortalServer server, String session, Dataset survey) throws Exception {
        int port = server.port();
        Path csv = Files.createTempFile("survey", ".csv");
        DatasetWriters.write(survey, csv);
        String token = csrf(port, session, "/analyst");
        HttpResponse<String> up = AnalystAreaTest.upload(port, "", session, token, "mali-cash-plus", "survey.csv", Files.readAllBytes(csv));
        assertEquals(302, up.statusCode(), up.body());
        String job = up.headers().firstValue("Location").orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            runs.add(pool.submit(() -> post(port, session, job + "/run", Map.of("csrf", token)).statusCode()));
        }
        for (Future<Integer> f : runs) {
            assertEquals(302, f.get());
        }
        pool.shutdown();
        String page = "";
        for (int i = 0; i < 240 && !page.matches("(?s).*class=\"status\">(done|failed|partly done).*"); i++) {
            Thread.sleep(500);
            page = get(port, session, job).body();
        }
        String id = job.substring(job.lastIndexOf('/') + 1);
        long started = Files.readAllLines(server.analyst().auditFile()).stream()
                .filter(l -> l.contains("\"action\":\"run\"") && l.contains(id)).count();
        assertEquals(1, started, "ten run requests start the job once");
        return job;
    }

    private static Dataset withText(Dataset d, String variable) {
        String[] text = new String[d.rowCount()];
        java.util.Arrays.fill(text, "many");
        return d.withColumn(StringColumn.of(variable, text));
    }
}
