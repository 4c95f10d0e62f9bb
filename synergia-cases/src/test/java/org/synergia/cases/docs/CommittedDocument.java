package org.synergia.cases.docs;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The drift check of a generated document: the committed file of this checkout (found by walking
 * up from the module's folder to the parent pom, never outside the repository) must equal what
 * its command would write.
 */
final class CommittedDocument {

    private CommittedDocument() {}

    /**
     * Regenerates the document's sections in memory and fails, naming the command to run, when the
     * committed file differs.
     *
     * @param doc the document
     */
    static void assertUpToDate(GeneratedDocument doc) throws IOException {
        Path module = Path.of("").toAbsolutePath();
        Path root = RepositoryRoot.find(module).orElseThrow(() -> new AssertionError("no parent pom.xml at or above " + module));
        Path file = root.resolve(doc.defaultPath());
        String committed = Files.readString(file, StandardCharsets.UTF_8);
        String generated = doc.regenerate(committed, doc.defaultPath().toString());
        if (!generated.equals(committed)) {
            fail(doc.defaultPath() + " is out of date (" + firstDifference(committed, generated) + "); run ./synergia "
                    + doc.command().substring("synergia ".length()) + " and commit the file");
        }
    }

    /** @return the first line that differs, as committed and as generated */
    static String firstDifference(String committed, String generated) {
        String[] a = committed.split("\n", -1);
        String[] b = generated.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "(end of file)";
            String y = i < b.length ? b[i] : "(end of file)";
            if (!x.equals(y)) {
                return "line " + (i + 1) + " is \"" + x + "\", the command writes \"" + y + "\"";
            }
        }
        return "line endings differ";
    }
}
