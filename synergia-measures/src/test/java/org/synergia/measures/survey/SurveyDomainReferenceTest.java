package org.synergia.measures.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.synergia.data.CompleteCases;
import org.synergia.data.Dataset;
import org.synergia.data.MissingPolicy;
import org.synergia.data.io.DatasetReaders;
import org.synergia.measures.poverty.PovertyMeasures;
import org.synergia.stats.inference.Estimate;
import org.synergia.testdata.TestFiles;

/**
 * Design-based estimates with missing values: the complete cases are a domain of the full design
 * (rows outside it contribute zero, strata, PSUs and FPCs stay), against R 4.2.2, survey 4.1.1
 * {@code svymean}/{@code svytotal}/{@code svyby} with {@code na.rm = TRUE} on survey's apistrat
 * (stratified by school type, with fpc) and apiclus1 (15 districts, with fpc) with values set
 * missing. The values are those printed by {@code synergia-testdata/.../reference/missing/make_missing.R}
 * into {@code make_missing.out}; FGT0-2 at 650 are R's domain means of the FGT contributions.
 */
class SurveyDomainReferenceTest {

    /** Relative tolerance: R prints 15 significant digits. */
    private static final double TOL = 1e-9;

    private static Dataset apistrat() {
        return DatasetReaders.read(TestFiles.reference("missing/apistrat_missing.csv"));
    }

    private static SurveyDesign stratified(Dataset d) {
        return new DesignVariables("pw", "stype", null, null, "fpc", null).design(d);
    }

    private static boolean[] complete(Dataset d, String... variables) {
        return CompleteCases.of(d, List.of(variables), MissingPolicy.DROP).keptMask();
    }

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, TOL * Math.abs(expected));
    }

    @Test
    void domainMeanAndTotalMatchSvymeanNaRm() {
        Dataset d = apistrat();
        SurveyDesign design = stratified(d);
        SurveyEstimator est = SurveyEstimator.withDefaults();
        SurveyResult m = est.mean(design, d.numeric("api00").toDoubleArray(), "api00", complete(d, "api00"));
        close(668.600929543748, m.estimates().get(0).estimate());
        close(10.2721100467797, m.estimates().get(0).se());
        close(1.20897248198165, (Double) m.diagnostics().get("deff"));
        assertEquals(172, m.n());
        // the design is the full one: 3 strata, 200 PSUs
        assertEquals(200, m.diagnostics().get("psu"));
        SurveyResult t = est.total(design, d.numeric("enroll").toDoubleArray(), "enroll", complete(d, "enroll"));
        close(3362272.36097145, t.estimates().get(0).estimate());
        close(132602.296135722, t.estimates().get(0).se());
        close(0.540762168613751, (Double) t.diagnostics().get("deff"));
        assertEquals(182, t.n());
        // complete cases of both variables as the domain, as svymean(~api00 + enroll, na.rm = TRUE)
        SurveyResult both = est.mean(design, d.numeric("api00").toDoubleArray(), "api00", complete(d, "api00", "enroll"));
        close(667.853494109624, both.estimates().get(0).estimate());
        close(10.7053505114709, both.estimates().get(0).se());
    }

    @Test
    void domainIsNotTheSubsetTakenAsANewDesign() {
        Dataset d = apistrat();
        boolean[] in = complete(d, "api00");
        Dataset sub = CompleteCases.of(d, List.of("api00"), MissingPolicy.DROP).dataset();
        double subsetSe = SurveyEstimator.withDefaults().mean(stratified(sub), sub.numeric("api00").toDoubleArray(),
                "api00").estimates().get(0).se();
        double domainSe = SurveyEstimator.withDefaults().mean(stratified(d), d.numeric("api00").toDoubleArray(), "api00",
                in).estimates().get(0).se();
        assertTrue(Math.abs(subsetSe - domainSe) > 1e-6 * domainSe, subsetSe + " vs " + domainSe);
    }

    @Test
    void domainMeansByGroupMatchSvyby() {
        Dataset d = apistrat();
        List<String> labels = new ArrayList<>();
        int[] group = DesignVariables.codes(d, "stype", labels);
        SurveyResult r = SurveyEstimator.withDefaults().meanByGroup(stratified(d), d.numeric("api00").toDoubleArray(),
                "api00", group, labels.toArray(String[]::new), complete(d, "api00"));
        String[] stype = {"E", "H", "M"};
        double[] estimate = {678.241758241758, 626.243902439024, 653.175};
        double[] se = {13.2144775183233, 16.4089176356929, 17.6687455541961};
        for (int g = 0; g < 3; g++) {
            Estimate e = r.term("mean:api00[" + stype[g] + "]");
            close(estimate[g], e.estimate());
            close(se[g], e.se());
        }
        assertEquals(172, r.n());
    }

    @Test
    void fgtOverTheDomainMatchesRDomainMeans() {
        Dataset d = apistrat();
        SurveyResult r = PovertyMeasures.atLine(650).fit(stratified(d), d.numeric("api00").toDoubleArray(),
                complete(d, "api00"));
        double[] estimate = {0.430587856656839, 0.0662582982670255, 0.014659938601631};
        double[] se = {0.0403929081925211, 0.00816716398867608, 0.00237181261748914};
        for (int a = 0; a < 3; a++) {
            close(estimate[a], r.term("FGT" + a).estimate());
            close(se[a], r.term("FGT" + a).se());
        }
        assertEquals(172, r.n());
        // the Gini of the domain is the Gini of its rows (its SE needs R convey, not installed here)
        Dataset sub = CompleteCases.of(d, List.of("api00"), MissingPolicy.DROP).dataset();
        double gini = PovertyMeasures.atLine(650).fit(stratified(sub), sub.numeric("api00").toDoubleArray())
                .term("Gini").estimate();
        assertEquals(gini, r.term("Gini").estimate(), 1e-12);
    }

    @Test
    void clusterDesignDomainMeanMatchesSvymeanNaRm() {
        Dataset d = DatasetReaders.read(TestFiles.reference("missing/apiclus1_missing.csv"));
        SurveyDesign design = new DesignVariables("pw", null, "dnum", null, "fpc", null).design(d);
        SurveyResult m = SurveyEstimator.withDefaults().mean(design, d.numeric("api00").toDoubleArray(), "api00",
                complete(d, "api00"));
        close(643.537414965986, m.estimates().get(0).estimate());
        close(24.3175822854718, m.estimates().get(0).se());
        close(7.69577702631593, (Double) m.diagnostics().get("deff"));
        assertEquals(147, m.n());
    }
}
