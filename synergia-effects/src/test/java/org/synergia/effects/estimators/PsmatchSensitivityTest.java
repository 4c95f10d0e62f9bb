package org.synergia.effects.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.MissingPolicy;
import org.synergia.data.OptionStyle;
import org.synergia.data.io.DatasetReaders;
import org.synergia.effects.matching.MatchingResult;
import org.synergia.effects.matching.RosenbaumBounds;
import org.synergia.effects.matching.RosenbaumSensitivity;
import org.synergia.stats.estimator.Estimation;
import org.synergia.stats.estimator.EstimatorOptions;
import org.synergia.stats.inference.EstimationResult;
import org.synergia.testdata.TestFiles;

/** {@code psmatch --sensitivity}: the library's Rosenbaum bounds of the fit's pairs, and one-line refusals naming the option. */
class PsmatchSensitivityTest {

    private static final PsmatchEstimator PSMATCH = new PsmatchEstimator();
    private static final Dataset CATTANEO = DatasetReaders.read(TestFiles.dataset("cattaneo2.dta"));

    private static EstimationResult fit(String... extra) {
        Map<String, String> given = new HashMap<>(Map.of("treatment-model", "mbsmoke ~ mmarried + mage + fage + medu + prenatal1",
                "outcome", "bweight"));
        for (int i = 0; i < extra.length; i += 2) {
            given.put(extra[i], extra[i + 1]);
        }
        return Estimation.of(CATTANEO, EstimatorOptions.of(PSMATCH, given), MissingPolicy.DROP).result();
    }

    private static String refusal(String... extra) {
        String m = assertThrows(InputException.class, () -> fit(extra)).getMessage();
        assertEquals(1, m.lines().count(), m);
        return m;
    }

    @Test
    void diagnosticsAreTheBoundsOfTheFitsPairs() {
        EstimationResult r = fit("sensitivity", "true", "gamma", "1,1.5,2");
        MatchingResult m = PsmatchEstimator.matching(r);
        RosenbaumSensitivity s = RosenbaumBounds.withDefaults().withGammas(1, 1.5, 2).fit(m.pairs().orElseThrow());
        Map<String, Object> d = r.diagnostics();
        assertEquals(s.gammaStar(), d.get("rosenbaum_gamma"));
        assertEquals(s.diagnostics().get("rosenbaum_bounds"), d.get("rosenbaum_bounds"));
        assertEquals("less", d.get("rosenbaum_alternative"), "smoking lowers birth weight");
        assertEquals(864, d.get("rosenbaum_pairs"));
        assertEquals(0.05, d.get("rosenbaum_alpha"));
        assertTrue(d.containsKey("ai2016_adjustment"), "the matching's own diagnostics stay");
        // R rbounds 2.2 psens on the same pairs (reference/rosenbaum_matching.json, RosenbaumBoundsReferenceTest)
        assertEquals(1.78378353395503, (double) d.get("rosenbaum_gamma"), 1e-8);
        assertFalse(fit().diagnostics().containsKey("rosenbaum_gamma"), "only with --sensitivity");
    }

    @Test
    void badSensitivityInputIsRefusedInOneLineNamingTheOption() {
        String ate = refusal("sensitivity", "true", "estimand", "ate");
        assertTrue(ate.startsWith("--sensitivity (Rosenbaum bounds)") && ate.endsWith("use --estimand att"), ate);
        String kernel = refusal("sensitivity", "true", "kernel", "epanechnikov", "se", "bootstrap");
        assertTrue(kernel.contains("drop --kernel"), kernel);
        String alone = refusal("gamma", "1,2");
        assertTrue(alone.startsWith("--gamma sets the Rosenbaum bounds") && alone.contains("add --sensitivity"), alone);
        String alphaAlone = refusal("sensitivity-alpha", "0.1");
        assertTrue(alphaAlone.startsWith("--sensitivity-alpha sets"), alphaAlone);
        assertTrue(refusal("sensitivity", "true", "gamma", "0.5,1").startsWith("--gamma takes values of Γ of 1 or more"));
        assertTrue(refusal("sensitivity", "true", "gamma", "1,3,2").contains("2 comes after 3"));
        assertTrue(refusal("sensitivity", "true", "gamma", ",").startsWith("--gamma needs at least one value"));
        assertTrue(refusal("sensitivity", "true", "gamma", "1,x").contains("'x' is not a number"));
        assertTrue(refusal("sensitivity", "true", "sensitivity-alpha", "0.5").startsWith("--sensitivity-alpha is the level"));
        // as a case specification writes its options, in Spanish
        InputException es = assertThrows(InputException.class, () -> fit("sensitivity", "true", "estimand", "ate"));
        OptionStyle spec = name -> "options." + name;
        String text = es.message(Locale.forLanguageTag("es"), spec);
        assertTrue(text.startsWith("options.sensitivity (cotas de Rosenbaum)") && text.endsWith("use options.estimand att"), text);
    }

    @Test
    void aTestNotSignificantWithoutBiasHasGammaStarOneAndSaysSo() {
        // the father's age, a covariate of the score: p = 0.107 at Γ = 1 (436 of the 864 pairs have a zero difference)
        EstimationResult r = fit("outcome", "fage", "sensitivity", "true");
        assertEquals(1.0, r.diagnostics().get("rosenbaum_gamma"), String.valueOf(r.diagnostics().get("rosenbaum_bounds")));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("not significant at 0.05") && w.contains("rosenbaum_gamma is 1")),
                String.valueOf(r.warnings()));
        assertEquals(9, ((List<?>) r.diagnostics().get("rosenbaum_bounds")).size(), "the default grid, 1 to 3 by 0.25");
        assertTrue(fit("sensitivity", "true").warnings().stream().noneMatch(w -> w.contains("rosenbaum_gamma")));
    }
}
