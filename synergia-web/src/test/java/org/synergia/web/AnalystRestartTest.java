package org.synergia.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.synergia.web.AnalystAreaTest.cookie;
import static org.synergia.web.AnalystAreaTest.form;
import static org.synergia.web.AnalystAreaTest.group;
import static org.synergia.web.AnalystAreaTest.send;
import static org.synergia.web.AnalystAreaTest.uri;
import static org.synergia.web.PortalFixture.text;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.cases.simulate.SurveySimulator;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.cases.spec.CaseSpecReader;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.data.io.DatasetWriters;
import org.synergia.web.analyst.Jobs;
import org.synergia.web.analyst.Role;
import org.synergia.web.server.PortalServer;

/**
 * Jobs, their results and the audit log outlive a restart of the server on the same workspace;
 * jobs cut short by a stop come back interrupted; sessions do not survive.
 */
class AnalystRestartTest {

    private static final String PASSWORD = "restart-analyst-1";
    private static byte[] survey;

    @BeforeAll
    static void simulate() throws Exception {
        Path csv = Files.createTempFile("mali-restart", ".csv");
        DatasetWriters.write(SurveySimulator.simulate(CaseSpecReader.bundled("mali-cash-plus")).data(), csv);
        survey = Files.readAllBytes(csv);
    }

    private static PortalServer start(Path workspace) {
        return PortalServer.start(workspace, CaseCatalogue.all(), "test", "127.0.0.1", 0);
    }

    private static String session(int port, String user, String password) {
        HttpResponse<String> r = AnalystAreaTest.login(port, "", user, password);
        assertEquals(302, r.statusCode(), r.body());
        return cookie(r, "synergia_session");
    }

    private static HttpResponse<String> get(int port, String session, String path) {
        return send(HttpRequest.newBuilder(uri(port, path)).header("Cookie", "synergia_session=" + session));
    }

    private static String csrf(int port, String session) {
        return group(get(port, session, "/analyst").body(), "name=\"csrf\" value=\"([^\"]+)\"");
    }

    /** Uploads the survey and returns the job's page address. */
    private static String upload(int port, String session) {
        HttpResponse<String> up = AnalystAreaTest.upload(port, "", session, csrf(port, session), "mali-cash-plus", "mali.csv", survey);
        assertEquals(302, up.statusCode(), up.body());
        return up.headers().firstValue("Location").orElseThrow();
    }

    private static void run(int port, String session, String job) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(port, job + "/run")).header("Cookie", "synergia_session=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("csrf", csrf(port, session))))));
        assertEquals(302, r.statusCode(), r.body());
    }

    private static String id(String job) {
        return job.substring(job.lastIndexOf('/') + 1);
    }

    @Test
    void jobsResultsAndAuditOutliveARestartAndARunningJobComesBackInterrupted() throws Exception {
        Path workspace = PortalFixture.copy();
        String done;
        String mapping;
        String cut;
        List<EstimateRecord> before;
        String oldSession;
        try (PortalServer first = start(workspace)) {
            first.analyst().accounts().put("rana", Role.ANALYST, PASSWORD);
            first.analyst().accounts().put("radm", Role.ADMIN, "restart-admin-12");
            first.analyst().accounts().put("rbob", Role.ANALYST, "restart-other-12");
            int port = first.port();
            oldSession = session(port, "rana", PASSWORD);
            done = upload(port, oldSession);
            run(port, oldSession, done);
            Jobs.Job doneJob = first.analyst().jobs().find(id(done)).orElseThrow();
            for (int i = 0; i < 240 && (doneJob.status() == Jobs.Status.QUEUED || doneJob.status() == Jobs.Status.RUNNING); i++) {
                Thread.sleep(250);
            }
            assertEquals(Jobs.Status.DONE, doneJob.status(), doneJob.message());
            before = doneJob.estimates();
            assertFalse(before.isEmpty());
            mapping = upload(port, oldSession);
            cut = upload(port, oldSession);
            run(port, oldSession, cut);
            Jobs.Status atStop = first.analyst().jobs().find(id(cut)).orElseThrow().status();
            assertTrue(atStop == Jobs.Status.QUEUED || atStop == Jobs.Status.RUNNING, "the job is still going when the server stops: " + atStop);
        }

        try (PortalServer second = start(workspace)) {
            int port = second.port();
            assertEquals(302, get(port, oldSession, "/analyst").statusCode(), "sessions end with the server: back to the login page");
            String rana = session(port, "rana", PASSWORD);
            String dashboard = get(port, rana, "/analyst").body();
            assertTrue(dashboard.contains("href=\"" + done + "\"") && dashboard.contains("href=\"" + mapping + "\"")
                    && dashboard.contains("href=\"" + cut + "\""), "the analyst's three jobs are listed again");
            String donePage = get(port, rana, done).body();
            assertTrue(donePage.contains("class=\"status\">done"), donePage);
            assertEquals(before, second.analyst().jobs().find(id(done)).orElseThrow().estimates(), "the same results after the restart");
            assertTrue(donePage.contains("data-field=\"estimate\""), "the results are shown again");
            assertTrue(get(port, rana, mapping).body().contains("Map your variables"), "a job waiting for its mapping can still be run");
            String cutPage = get(port, rana, cut).body();
            assertTrue(cutPage.contains("class=\"status\">interrupted"), cutPage);
            assertTrue(text(cutPage).contains("The server stopped while this analysis was waiting or running"), cutPage);

            String rbob = session(port, "rbob", "restart-other-12");
            assertEquals(404, get(port, rbob, done).statusCode(), "another analyst still cannot see the job");
            assertFalse(get(port, rbob, "/analyst").body().contains(id(done)), "nor find it in the list");
            assertEquals(404, PortalFixture.get(port, "/published/" + id(done)).statusCode(), "still private");

            String radm = session(port, "radm", "restart-admin-12");
            String audit = text(get(port, radm, "/analyst/audit").body());
            assertTrue(audit.contains("mali.csv for mali-cash-plus, job " + id(done)), "the upload before the restart is in the audit log");
            assertTrue(audit.contains(id(cut) + " mapping"), "so is the run that was cut short");
        }
        List<String> log = Files.readAllLines(workspace.resolve("analyst/audit.log"));
        assertTrue(log.stream().filter(l -> l.contains("\"action\":\"login\"") && l.contains("\"account\":\"rana\"")).count() >= 2,
                "logins from both servers in one log");
    }

    @Test
    void aJobLeftRunningByAKilledServerComesBackInterrupted() throws Exception {
        Path workspace = PortalFixture.copy();
        String job;
        try (PortalServer first = start(workspace)) {
            first.analyst().accounts().put("kana", Role.ANALYST, PASSWORD);
            job = upload(first.port(), session(first.port(), "kana", PASSWORD));
        }
        // What a server killed in the middle of the run leaves behind: the job's row still says running.
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + workspace.resolve("analyst/analyst.duckdb").toAbsolutePath());
                PreparedStatement p = c.prepareStatement("UPDATE jobs SET status = 'RUNNING' WHERE id = ?")) {
            p.setString(1, id(job));
            assertEquals(1, p.executeUpdate());
        }
        try (PortalServer second = start(workspace)) {
            assertEquals(Jobs.Status.INTERRUPTED, second.analyst().jobs().find(id(job)).orElseThrow().status());
            String page = get(second.port(), session(second.port(), "kana", PASSWORD), job).body();
            assertTrue(page.contains("class=\"status\">interrupted"), page);
            assertFalse(page.contains("Run the analysis"), "an interrupted job is not run again from a stale state");
        }
        try (PortalServer third = start(workspace)) {
            assertEquals(Jobs.Status.INTERRUPTED, third.analyst().jobs().find(id(job)).orElseThrow().status(), "and it stays interrupted");
        }
    }
}
