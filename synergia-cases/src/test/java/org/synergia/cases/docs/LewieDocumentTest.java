package org.synergia.cases.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/lewie.md is what {@code synergia docs lewie} writes, whatever the thread count, with no solver noise in it. */
class LewieDocumentTest {

    @Test
    void committedDocumentIsUpToDate() throws Exception {
        CommittedDocument.assertUpToDate(LewieDocument.of(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void sectionsDoNotDependOnTheThreadCountAndPrintNoResidual() {
        Map<String, String> one = LewieDocument.of(1).sections();
        assertEquals(one, LewieDocument.of(3).sections());
        assertTrue(one.get("example").contains("nominal income multiplier of 2."), one.get("example"));
        assertTrue(one.get("json").startsWith("```json\n") && one.get("json").endsWith("```\n"), one.get("json"));
        assertTrue(one.get("json").contains("\"residual\": ...,"), one.get("json"));
        assertFalse(one.values().stream().anyMatch(t -> t.matches("(?s).*\\de-\\d.*")), "no tiny numbers: " + one);
    }
}
