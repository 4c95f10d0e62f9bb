package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synergia.cases.docs.RepositoryRoot;

/**
 * {@code synergia docs}: {@code --check} on an altered copy fails with one line naming the file,
 * writing restores the generated sections and keeps the hand-written text, and bad files are
 * one-line refusals (the LEWIE document, which takes a second to compute; the diagnosis only for
 * refusals found before its long run).
 */
class DocsCommandTest {

    private static String committedLewie() throws Exception {
        Path root = RepositoryRoot.find(Path.of("")).orElseThrow();
        return Files.readString(root.resolve("docs/lewie.md"));
    }

    @Test
    void checkFailsOnAnAlteredCopyAndWritingRepairsItKeepingTheProse(@TempDir Path dir) throws Exception {
        String committed = committedLewie();
        assertTrue(committed.contains("the fixed-price SAM multiplier is "), "docs/lewie.md has the example's figures");
        String altered = committed.replaceFirst("the fixed-price SAM multiplier is [0-9.]+", "the fixed-price SAM multiplier is 9.99")
                .replace("## Survey calibration (entry point b)\n", "## Survey calibration (entry point b)\n\nA hand-written note.\n");
        Path copy = dir.resolve("lewie copy.md");
        Files.writeString(copy, altered);

        CommandRun check = CommandRun.ofEntryPoint("docs", "lewie", "--check", "--file", copy.toString(), "--threads", "1");
        assertEquals(1, check.status(), check.err());
        assertEquals("synergia: " + copy + " is out of date: its generated sections differ from what 'synergia docs lewie --file "
                + copy + "' writes; run it to regenerate them\n", check.err());
        assertEquals(altered, Files.readString(copy), "--check writes nothing");

        CommandRun write = CommandRun.ofEntryPoint("docs", "lewie", "--file", copy.toString());
        assertEquals(0, write.status(), write.err());
        assertEquals("wrote the generated sections of " + copy + "\n", write.out());
        String repaired = Files.readString(copy);
        assertFalse(repaired.contains("multiplier is 9.99"), "the generated figure is rewritten");
        assertTrue(repaired.contains("\nA hand-written note.\n"), "the prose outside the markers stays");

        CommandRun again = CommandRun.ofEntryPoint("docs", "lewie", "--check", "--file", copy.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(copy + " is up to date\n", again.out());
    }

    @Test
    void anAbsentFileOrMissingMarkersAreOneLineWithoutStackTrace(@TempDir Path dir) throws Exception {
        Path absent = dir.resolve("absent.md");
        CommandRun r = CommandRun.ofEntryPoint("docs", "diagnosis", "--check", "--file", absent.toString());
        assertEquals(1, r.status());
        assertEquals("synergia: " + absent + ": no such file; give --file PATH of a document with the markers of"
                + " 'synergia docs diagnosis', or run from the repository\n", r.err());

        Path bare = dir.resolve("bare.md");
        Files.writeString(bare, "# Design diagnosis\n\nNo markers here.\n");
        r = CommandRun.ofEntryPoint("docs", "diagnosis", "--file", bare.toString());
        assertEquals(1, r.status());
        assertEquals("synergia: " + bare + ": no generated section 'run' (5 of 5 missing); add the lines"
                + " '<!-- generated: run (synergia docs diagnosis) -->' and '<!-- end generated: run -->' where it belongs\n", r.err());
        assertEquals("# Design diagnosis\n\nNo markers here.\n", Files.readString(bare));
    }

    @Test
    void docsNeedsASubcommand() {
        CommandRun r = CommandRun.ofEntryPoint("docs");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("synergia: docs needs a subcommand: diagnosis or lewie"), r.err());
    }
}
