package org.synergia.cases.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.synergia.cases.store.DiagnosticRecord;
import org.synergia.data.InputException;
import org.synergia.effects.rd.RdRobust;

/** A refusal in the results: one text per report language, options named as a case specification writes them. */
class FailuresTest {

    @Test
    void keptInEveryLanguageWithSpecificationOptionNames() {
        InputException e = assertThrows(InputException.class, () -> RdRobust.withDefaults().withOrder(12));
        List<DiagnosticRecord> d = Failures.of("peru", "rd", "income", e.in("income: "));
        assertEquals(List.of("failed", "failed_es", "failed_fr"), d.stream().map(DiagnosticRecord::key).toList());
        assertEquals("income: polynomial order options.p 12 is not supported; use 0 to 8", d.get(0).value());
        assertEquals(Optional.of("income: l’ordre polynomial options.p 12 n’est pas pris en charge ; utilisez 0 à 8"),
                Failures.text(d, "rd", "income", "fr"));
        assertEquals(Optional.of(d.get(0).value()), Failures.text(d, "rd", "income", "de"), "another language gets English");
        assertEquals(Optional.empty(), Failures.text(d, "rd", "savings", "es"));
    }

    @Test
    void plainTextRefusalsAreKeptAsTheyAre() {
        List<DiagnosticRecord> d = Failures.of("peru", "", "", new InputException("survey.csv: no rows"));
        assertEquals(List.of("survey.csv: no rows", "survey.csv: no rows", "survey.csv: no rows"),
                d.stream().map(DiagnosticRecord::value).toList());
    }
}
