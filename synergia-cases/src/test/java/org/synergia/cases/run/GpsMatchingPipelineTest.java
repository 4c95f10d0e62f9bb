package org.synergia.cases.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.CaseSpecReader;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.data.MissingPolicy;
import org.synergia.stats.inference.Term;

/**
 * A plan's matching on the multinomial score ({@code options: {multi-arm: gps}}, Colombia FEST + UNIDOS): every
 * outcome gets each group against the control and the synergy, on the whole sample, so their planted truths are
 * those of the IPWRA analysis's ATE on the same households; each effect has its E-values.
 */
class GpsMatchingPipelineTest {

    @Test
    void theSynergyOfMatchingRefersToTheWholeSample() {
        CaseSpec spec = CaseSpecReader.bundled("colombia-fest-unidos");
        CaseRunner.Analyses r = CaseRunner.analyse(spec, CaseData.load(spec, null, null).withOutcomes(spec), MissingPolicy.DROP,
                Progress.NONE);
        for (String outcome : List.of("productive_assets", "income", "fcs")) {
            for (String term : List.of("ATE:1vs0", "ATE:2vs0", "ATE:3vs0", "synergy")) {
                EstimateRecord gps = find(r, "psm-gps", outcome, term);
                EstimateRecord ipwra = find(r, "factorial", outcome, term);
                assertTrue(gps.se() > 0 && gps.hasTruth(), outcome + " " + term);
                assertEquals(ipwra.truth(), gps.truth(), 1e-12, outcome + " " + term + ": the same estimand");
            }
        }
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.analysisId().equals("psm-gps")
                && d.key().equals(Credibility.eValueKey("synergy"))), "E-values of the synergy");
        assertTrue(r.estimates().stream().filter(e -> e.analysisId().equals("psm-gps")).anyMatch(e -> e.term() instanceof Term.Synergy));
    }

    private static EstimateRecord find(CaseRunner.Analyses r, String analysis, String outcome, String term) {
        return r.estimates().stream().filter(e -> e.analysisId().equals(analysis) && e.outcome().equals(outcome)
                && e.termName().equals(term)).findFirst().orElseThrow(() -> new AssertionError(analysis + " " + outcome + " " + term));
    }
}
