package org.synergia.cases.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.cases.simulate.SimulatedSurvey;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.CaseSpecReader;
import org.synergia.cases.store.EstimateRecord;
import org.synergia.data.MissingPolicy;
import org.synergia.measures.multiplicity.PValueAdjustment;
import org.synergia.stats.inference.Term;

/**
 * A plan's subgroup analysis (Colombia FEST + UNIDOS by sex of the household head, IPWRA with village clusters that
 * cross the subgroups): every effect and the synergy stored within each subgroup and as a difference from the first,
 * each with the truth planted in the subgroup's own households, and q-values whose family spans the subgroups.
 */
class SubgroupPipelineTest {

    private static CaseRunner.Analyses results;
    private static SimulatedSurvey survey;

    @BeforeAll
    static void run() {
        CaseSpec spec = CaseSpecReader.bundled("colombia-fest-unidos");
        CaseData data = CaseData.load(spec, null, null).withOutcomes(spec);
        survey = data.survey().orElseThrow();
        results = CaseRunner.analyse(spec, data, MissingPolicy.DROP, Progress.NONE);
    }

    private static List<EstimateRecord> subgroupEstimates() {
        return results.estimates().stream().filter(e -> e.analysisId().equals("female_head")).toList();
    }

    private static EstimateRecord find(String outcome, String term) {
        return subgroupEstimates().stream().filter(e -> e.outcome().equals(outcome) && e.termName().equals(term)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + term + " for " + outcome));
    }

    @Test
    void everyOutcomeHasTheEffectsWithinEachSubgroupAndTheirDifferences() {
        for (String outcome : List.of("income", "fcs", "life_satisfaction")) {
            for (String g : List.of("0", "1")) {
                for (String t : List.of("ATE:1vs0", "ATE:2vs0", "ATE:3vs0", "synergy")) {
                    assertTrue(find(outcome, t + "|female_head=" + g).se() > 0, outcome + " " + t + " " + g);
                }
            }
            EstimateRecord d = find(outcome, "synergy|female_head=1 - synergy|female_head=0");
            assertEquals(find(outcome, "synergy|female_head=1").estimate() - find(outcome, "synergy|female_head=0").estimate(),
                    d.estimate(), 1e-9);
        }
        assertFalse(results.diagnostics().stream().anyMatch(x -> x.analysisId().equals("female_head") && x.key().equals("failed")),
                "no outcome failed (the subgroup variable leaves the covariates)");
    }

    @Test
    void truthsArePlantedInTheSubgroupsHouseholds() {
        double[] female = survey.data().numeric("female_head").toDoubleArray();
        Set<Integer> all = Set.of(0, 1, 2, 3);
        for (int g = 0; g < 2; g++) {
            int level = g;
            double expected = survey.contrast("fcs", 1, 0, i -> female[i] == level && all.contains(survey.arm(i)));
            assertEquals(expected, find("fcs", "ATE:1vs0|female_head=" + g).truth(), 1e-12);
        }
        double difference = find("fcs", "ATE:1vs0|female_head=1").truth() - find("fcs", "ATE:1vs0|female_head=0").truth();
        assertEquals(difference, find("fcs", "ATE:1vs0|female_head=1 - ATE:1vs0|female_head=0").truth(), 1e-12);
        // income is linear in the planted effect, so its effect is the same in both subgroups and the difference is zero
        assertEquals(45, find("income", "ATE:1vs0|female_head=1").truth(), 1e-9);
        assertEquals(0, find("income", "ATE:1vs0|female_head=1 - ATE:1vs0|female_head=0").truth(), 1e-9);
    }

    @Test
    void theMultipleTestingFamilySpansTheSubgroups() {
        // the well-being domain has one outcome of this analysis: its family for ATE:1vs0 is that effect in both subgroups
        List<EstimateRecord> family = subgroupEstimates().stream().filter(e -> e.domain().equals("well-being")
                && e.term() instanceof Term.Within w && w.term().toString().equals("ATE:1vs0")).toList();
        assertEquals(2, family.size());
        double[] q = PValueAdjustment.SHARPENED_Q.adjust(family.stream().mapToDouble(EstimateRecord::pValue).toArray());
        for (int k = 0; k < 2; k++) {
            assertEquals(q[k], family.get(k).qValue(), 1e-12);
        }
        EstimateRecord difference = find("life_satisfaction", "ATE:1vs0|female_head=1 - ATE:1vs0|female_head=0");
        assertEquals(PValueAdjustment.SHARPENED_Q.adjust(new double[] {difference.pValue()})[0], difference.qValue(), 1e-12);
    }

    @Test
    void matchingWithinSubgroupsStoresEachComparisonWithinEachLevel() throws java.io.IOException {
        String text;
        try (java.io.InputStream in = CaseSpecReader.class.getResourceAsStream("/cases/colombia-fest-unidos.yaml")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        // the study's matching (ATT, each group against neither) and the multinomial-score matching, by sex of the head
        String bySex = text.replace("    estimand: att\n", "    estimand: att\n    subgroup: female_head\n")
                .replace("    options: {multi-arm: gps}\n", "    options: {multi-arm: gps}\n    subgroup: female_head\n");
        CaseSpec spec = CaseSpecReader.parse("colombia.yaml", bySex.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CaseRunner.Analyses r = CaseRunner.analyse(spec, CaseData.load(spec, null, null).withOutcomes(spec), MissingPolicy.DROP,
                Progress.NONE);
        double[] female = survey.data().numeric("female_head").toDoubleArray();
        for (String t : List.of("ATT:2vs0|female_head=1", "ATT:2vs0|female_head=1 - ATT:2vs0|female_head=0")) {
            EstimateRecord e = r.estimates().stream().filter(x -> x.analysisId().equals("psm") && x.outcome().equals("fcs")
                    && x.termName().equals(t)).findFirst().orElseThrow(() -> new AssertionError("no psm " + t));
            assertTrue(e.se() > 0 && e.hasTruth(), t);
        }
        EstimateRecord att = r.estimates().stream().filter(x -> x.analysisId().equals("psm") && x.outcome().equals("fcs")
                && x.termName().equals("ATT:2vs0|female_head=1")).findFirst().orElseThrow();
        assertEquals(survey.contrast("fcs", 2, 0, i -> female[i] == 1 && survey.arm(i) == 2), att.truth(), 1e-12,
                "the ATT's truth over the subgroup's treated households");
        assertTrue(r.estimates().stream().anyMatch(x -> x.analysisId().equals("psm-gps") && x.termName().equals(
                "synergy|female_head=1 - synergy|female_head=0")), "the synergy's difference between subgroups");
        assertFalse(r.diagnostics().stream().anyMatch(x -> x.key().equals("failed")), "nothing failed");
    }
}
