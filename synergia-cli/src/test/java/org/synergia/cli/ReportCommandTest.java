package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synergia.cases.run.RunPipeline;
import org.synergia.cases.store.ResultsStore;

/** {@code report} on a store whose last run did not finish refuses, naming what the run did not store. */
class ReportCommandTest {

    @TempDir
    Path out;

    @Test
    void aStoreFromARunThatDidNotFinishIsRefused() {
        try (ResultsStore store = ResultsStore.open(out.resolve(RunPipeline.DATABASE))) {
            store.beginRun(List.of("mali-cash-plus", "mexico-proinpro"));
            assertFalse(store.lastRun().orElseThrow().complete());
        }
        CommandRun r = CommandRun.ofEntryPoint("report", "--out", out.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("that did not finish (not stored: mali-cash-plus, mexico-proinpro)")
                && r.err().contains("run 'synergia run --out"), r.err());
        assertFalse(Files.exists(out.resolve("reports")), "no document written");
        try (ResultsStore store = ResultsStore.open(out.resolve(RunPipeline.DATABASE))) {
            store.finishRun();
            assertTrue(store.lastRun().orElseThrow().complete());
        }
    }
}
