package org.synergia.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.web.server.PortalServer;

/** Requests that try to reach files outside the whitelist: each refused without naming a path, and the server still serves. */
class SecurityTest {

    private static PortalServer server;
    private static int port;

    @BeforeAll
    static void start() {
        server = PortalServer.start(PortalFixture.workspace(), CaseCatalogue.all(), "test", "127.0.0.1", 0);
        port = server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/reports/en/..%2F..%2Fsecret.txt", "/reports/en/..%2fresults.duckdb", "/reports/../secret.txt",
        "/reports/en/notes.txt", "/reports/xx/mali-cash-plus-report.html", "/reports/en/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/reports/en/..%5C..%5Csecret.txt", "/data/..%2Fsecret.txt", "/data/..%2F..%2Fresults.duckdb", "/data/secret.txt",
        "/cases/..%2F..%2Fsecret.txt", "/cases/%2e%2e", "/api/cases/..%2Fsecret.txt", "/api/cases/..%2F..%2Fetc%2Fpasswd/estimates",
        "/es/cases/..%2F..%2Fsecret.txt", "/synthesis/..%2Fsecret.txt", "/assets/..%2Fsecret.txt", "/results.duckdb",
        "/secret.txt", "/reports/en/mali-cash-plus-report.html%00.txt"})
    void traversalIsRefusedWithoutLeakingPaths(String path) {
        HttpResponse<String> r = PortalFixture.get(port, path);
        assertTrue(r.statusCode() == 404 || r.statusCode() == 400, path + " gave " + r.statusCode());
        assertFalse(r.body().contains("SECRET"), path);
        assertFalse(r.body().contains(PortalFixture.workspace().toString()), "no file path in the answer");
        assertFalse(r.body().contains("secret.txt") || r.body().contains("duckdb"), "the request is not echoed");
        assertEquals(200, PortalFixture.get(port, "/").statusCode(), "the server still serves");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/reports/en/mali-cash-plus-report.html", "/es/cases/mali-cash-plus", "/api/cases"})
    void whitelistedFilesAreServedWithHeaders(String path) {
        HttpResponse<String> r = PortalFixture.get(port, path);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @ParameterizedTest
    @ValueSource(ints = {2_000_000})
    void oversizedBodiesAreRefused(int bytes) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/cases"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[bytes])).build();
        int status;
        try {
            status = PortalFixture.HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
            status = -1; // the server may close the connection on an oversized body
        }
        assertNotEquals(200, status);
        assertEquals(200, PortalFixture.get(port, "/").statusCode(), "the server still serves");
    }

    @org.junit.jupiter.api.Test
    void symbolicLinksInTheWorkspaceAreNotServedAfterARestart() throws Exception {
        java.nio.file.Path copy = PortalFixture.copy();
        java.nio.file.Path secret = java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("outside", ".txt"), "SECRET outside");
        java.nio.file.Path link = copy.resolve("reports/en/linked-report.html");
        java.nio.file.Files.createSymbolicLink(link, secret);
        try (PortalServer restarted = PortalServer.start(copy, CaseCatalogue.all(), "test", "127.0.0.1", 0)) {
            HttpResponse<String> r = PortalFixture.get(restarted.port(), "/reports/en/linked-report.html");
            assertEquals(404, r.statusCode());
            assertFalse(r.body().contains("SECRET"));
            assertEquals(200, PortalFixture.get(restarted.port(), "/reports/en/mali-cash-plus-report.html").statusCode());
        }
    }
}
