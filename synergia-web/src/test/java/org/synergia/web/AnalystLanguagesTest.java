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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.cases.simulate.SurveySimulator;
import org.synergia.cases.spec.CaseCatalogue;
import org.synergia.cases.spec.CaseSpecReader;
import org.synergia.data.io.DatasetWriters;
import org.synergia.web.analyst.Role;
import org.synergia.web.server.PortalServer;

/** The analyst area in Spanish and French: pages, validation and error messages, in the language of the address. */
class AnalystLanguagesTest {

    private static Path workspace;
    private static PortalServer server;
    private static int port;

    @BeforeAll
    static void start() {
        workspace = PortalFixture.copy();
        server = PortalServer.start(workspace, CaseCatalogue.all(), "test", "127.0.0.1", 0);
        port = server.port();
        server.analyst().accounts().put("lucia", Role.ANALYST, "analista-clave-1");
        server.analyst().accounts().put("vera", Role.VIEWER, "lectrice-mdp-12");
        server.analyst().accounts().put("root", Role.ADMIN, "admin-mot-de-passe");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String session(String prefix, String user, String password, String landing) {
        HttpResponse<String> r = AnalystAreaTest.login(port, prefix, user, password);
        assertEquals(302, r.statusCode(), r.body());
        assertEquals(landing, r.headers().firstValue("Location").orElseThrow(), "login keeps the language");
        return cookie(r, "synergia_session");
    }

    private static HttpResponse<String> get(String session, String path) {
        return send(HttpRequest.newBuilder(uri(port, path)).header("Cookie", "synergia_session=" + session));
    }

    private static HttpResponse<String> post(String session, String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri(port, path)).header("Cookie", "synergia_session=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    @Test
    void spanishLoginDashboardUploadAndJobPages() throws Exception {
        HttpResponse<String> login = PortalFixture.get(port, "/es/analyst/login");
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("<html lang=\"es\""));
        String page = text(login.body());
        assertTrue(page.contains("Acceso de analistas") && page.contains("Contraseña") && page.contains("Iniciar sesión"), page);
        assertTrue(login.body().contains("action=\"/es/analyst/login\""), "the form posts to the Spanish page");
        assertTrue(login.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.contains("Path=/es/analyst/login")));
        assertTrue(login.body().contains("href=\"/fr/analyst/login\""), "the language switch leads to the French login page");

        String lucia = session("/es", "lucia", "analista-clave-1", "/es/analyst");
        HttpResponse<String> dashboard = get(lucia, "/es/analyst");
        String d = text(dashboard.body());
        assertTrue(d.contains("Sesión iniciada como lucia (analista).") && d.contains("Analizar una encuesta propia")
                && d.contains("Subir y comprobar") && d.contains("Todavía no hay trabajos."), d);
        assertFalse(d.contains("Upload and check") || d.contains("Log out"), "no English left on the page");
        String csrf = group(dashboard.body(), "name=\"csrf\" value=\"([^\"]+)\"");

        HttpResponse<String> exe = AnalystAreaTest.upload(port, "/es", lucia, csrf, "mali-cash-plus", "herramienta.exe", new byte[] {1, 2});
        assertEquals(400, exe.statusCode());
        assertTrue(text(exe.body()).contains("La encuesta debe ser un archivo .csv, .dta o .sav."), exe.body());
        HttpResponse<String> none = AnalystAreaTest.upload(port, "/es", lucia, csrf, "no-such-case", "x.csv", "a\n1\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(text(none.body()).contains("Elija un caso y un archivo de encuesta."), none.body());

        Path csv = Files.createTempFile("encuesta-mali", ".csv");
        DatasetWriters.write(SurveySimulator.simulate(CaseSpecReader.bundled("mali-cash-plus")).data(), csv);
        HttpResponse<String> up = AnalystAreaTest.upload(port, "/es", lucia, csrf, "mali-cash-plus", "encuesta.csv", Files.readAllBytes(csv));
        assertEquals(302, up.statusCode(), up.body());
        String job = up.headers().firstValue("Location").orElseThrow();
        assertTrue(job.startsWith("/es/analyst/jobs/"), job);
        String j = text(get(lucia, job).body());
        assertTrue(j.contains("Asigne sus variables") && j.contains("Ejecutar el análisis") && j.contains("asignación de variables pendiente")
                && j.contains("Volver al área de analistas"), j);

        HttpResponse<String> expired = post(lucia, job + "/run", Map.of("csrf", "caducado"));
        assertEquals(403, expired.statusCode());
        assertTrue(text(expired.body()).contains("El formulario ha caducado. Vuelva atrás, recárguelo e inténtelo de nuevo."), expired.body());
        HttpResponse<String> publish = post(lucia, job + "/publish", Map.of("csrf", csrf));
        assertEquals(403, publish.statusCode(), "an analyst cannot publish");
        assertTrue(text(publish.body()).contains("Su cuenta no puede usar esta página."));
        HttpResponse<String> missing = get(lucia, "/es/analyst/jobs/nonexistent");
        assertEquals(404, missing.statusCode());
        assertTrue(text(missing.body()).contains("No existe ese trabajo."));
        HttpResponse<String> unpublished = PortalFixture.get(port, "/es/published/" + job.substring(job.lastIndexOf('/') + 1));
        assertEquals(404, unpublished.statusCode(), "private until published, in every language");
        assertTrue(text(unpublished.body()).contains("No hay ningún resultado publicado en esta dirección."));
    }

    @Test
    void frenchLoginErrorsRolesAndAccountValidation() throws Exception {
        HttpResponse<String> wrong = AnalystAreaTest.login(port, "/fr", "vera", "pas-le-bon-mot-de-passe");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("<html lang=\"fr\""));
        assertTrue(text(wrong.body()).contains("Compte ou mot de passe incorrect.") && text(wrong.body()).contains("Réessayer"), wrong.body());

        String vera = session("/fr", "vera", "lectrice-mdp-12", "/fr/analyst/account");
        HttpResponse<String> refused = get(vera, "/fr/analyst");
        assertEquals(403, refused.statusCode());
        String r = text(refused.body());
        assertTrue(r.contains("Accès refusé") && r.contains("Votre compte ne peut pas utiliser cette page."), r);

        String root = session("/fr", "root", "admin-mot-de-passe", "/fr/analyst");
        HttpResponse<String> dashboard = get(root, "/fr/analyst");
        String d = text(dashboard.body());
        assertTrue(d.contains("Connecté en tant que root (administrateur).") && d.contains("Analyser votre propre enquête")
                && d.contains("Téléverser et vérifier") && d.contains("Créer un compte") && d.contains("Mot de passe (au moins 12 caractères)")
                && d.contains("Journal d'audit"), d);
        String csrf = group(dashboard.body(), "name=\"csrf\" value=\"([^\"]+)\"");
        HttpResponse<String> shortPassword = post(root, "/fr/analyst/accounts", Map.of("csrf", csrf, "user", "nouveau", "role", "analyst",
                "password", "court"));
        assertEquals(400, shortPassword.statusCode());
        assertTrue(text(shortPassword.body()).contains("Un mot de passe comporte de 12 à 72 caractères."), shortPassword.body());
        HttpResponse<String> badName = post(root, "/fr/analyst/accounts", Map.of("csrf", csrf, "user", "X!", "role", "analyst",
                "password", "assez-long-mot-de-passe"));
        assertTrue(text(badName.body()).contains("Un nom de compte comporte de 3 à 32 lettres minuscules"), badName.body());
        HttpResponse<String> badRole = post(root, "/fr/analyst/accounts", Map.of("csrf", csrf, "user", "nouveau", "role", "chef",
                "password", "assez-long-mot-de-passe"));
        assertTrue(text(badRole.body()).contains("Choisissez lecteur, analyste ou administrateur."), badRole.body());

        HttpResponse<String> broken = AnalystAreaTest.upload(port, "/fr", root, csrf, "mali-cash-plus", "casse.dta",
                "ceci n'est pas un fichier Stata".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, broken.statusCode());
        String b = text(broken.body());
        assertTrue(b.contains("L'enquête a été refusée. Le lecteur indique (en anglais) :") && b.contains("casse.dta"), b);
        assertFalse(broken.body().contains(workspace.toString()) || b.contains("uploads/"), "no server path in the message");

        HttpResponse<String> audit = get(root, "/fr/analyst/audit");
        assertEquals(200, audit.statusCode());
        String a = text(audit.body());
        assertTrue(a.contains("Journal d'audit") && a.contains("Entrées 1 à ") && a.contains("les plus récentes d’abord") && a.contains("Heure") && a.contains("Détail")
                && a.contains("create-account"), a);
        assertEquals(403, get(session("", "lucia", "analista-clave-1", "/analyst"), "/analyst/audit").statusCode(),
                "only admins read the audit log");
    }
}
