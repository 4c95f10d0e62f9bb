package org.synergia.measures.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.synergia.data.InputException;
import org.synergia.data.OptionStyle;

/** The design refusals name the options at fault; typed, they read in Spanish and French too. */
class SurveyDesignRefusalTest {

    private static final OptionStyle SPEC = name -> "options." + name;
    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private static InputException refusal(Executable e) {
        return assertThrows(InputException.class, e);
    }

    private static SurveyDesign twoStage() {
        return SurveyDesign.simpleRandom(4).withClusters(new int[] {1, 1, 2, 2}).withSecondStageUnits(new int[] {1, 2, 3, 4})
                .withFpc(new double[] {5, 5, 5, 5});
    }

    @Test
    void stagesGivenWithoutTheStageAbove() {
        InputException e = refusal(() -> SurveyDesign.simpleRandom(4).withSecondStageUnits(new int[] {1, 2, 3, 4}));
        assertEquals("second-stage units were given without primary sampling units: give --psu too", e.getMessage());
        assertEquals(SurveyProblem.SSU_WITHOUT_PSU, e.reason().orElseThrow());
        assertEquals("se dieron unidades de segunda etapa sin unidades primarias de muestreo: indique también options.psu",
                e.message(SPANISH, SPEC));
        assertEquals("a second-stage finite population correction needs second-stage units: give --ssu",
                refusal(() -> SurveyDesign.simpleRandom(4).withSecondStageFpc(new double[] {2, 2, 2, 2})).getMessage());
        assertEquals("a second-stage finite population correction needs the first-stage one: give --fpc",
                refusal(() -> SurveyDesign.simpleRandom(4).withClusters(new int[] {1, 1, 2, 2})
                        .withSecondStageUnits(new int[] {1, 2, 3, 4}).withSecondStageFpc(new double[] {2, 2, 2, 2}))
                        .getMessage());
    }

    @Test
    void finitePopulationCorrectionsOfEitherStage() {
        SurveyDesign strata = SurveyDesign.simpleRandom(4).withStrata(new int[] {1, 1, 2, 2});
        InputException stratum = refusal(() -> strata.withFpc(new double[] {10, 12, 3, 3}));
        assertEquals("--fpc is not constant within stratum (row 2 has 12.0, earlier rows 10.0): give one value per stratum",
                stratum.getMessage());
        assertEquals("options.fpc no es constante dentro del estrato (la fila 2 tiene 12.0, las filas anteriores 10.0):"
                + " dé un único valor por estrato", stratum.message(SPANISH, SPEC));
        assertEquals("--fpc gives a population of 1.5 in a stratum with 2 sampled units: the population cannot be smaller"
                + " than the sample", refusal(() -> strata.withFpc(new double[] {1.5, 1.5, 3, 3})).getMessage());

        assertEquals("--fpc2 is 0.0 at row 1: a finite population correction must be a positive count or a fraction in"
                + " (0, 1]", refusal(() -> twoStage().withSecondStageFpc(new double[] {0, 4, 4, 4})).getMessage());
        assertEquals("--fpc2 mixes population counts (> 1) and sampling fractions (< 1), e.g. 0.5 at row 2: give one or"
                + " the other", refusal(() -> twoStage().withSecondStageFpc(new double[] {4, 0.5, 4, 4})).getMessage());
        InputException psu = refusal(() -> twoStage().withSecondStageFpc(new double[] {4, 5, 4, 4}));
        assertEquals("--fpc2 is not constant within PSU (row 2 has 5.0, earlier rows 4.0): give one value per PSU",
                psu.getMessage());
        assertEquals("options.fpc2 n’est pas constant dans l’UPE (la ligne 2 a 5.0, les lignes précédentes 4.0) : donnez"
                + " une seule valeur par UPE", psu.message(Locale.FRENCH, SPEC));
    }

    @Test
    void aPsuWithOneSecondStageUnit() {
        SurveyDesign design = SurveyDesign.simpleRandom(4).withClusters(new int[] {7, 7, 8, 8})
                .withSecondStageUnits(new int[] {1, 1, 2, 3}).withFpc(new double[] {5, 5, 5, 5});
        InputException e = refusal(() -> design.variance(new double[] {1, 2, 3, 4}));
        assertEquals("PSU 7 has only one second-stage unit: its within-PSU variance cannot be estimated; give --fpc2 if the"
                + " unit is the whole PSU, drop --ssu for the ultimate-cluster variance, or give --lonely-psu remove, adjust"
                + " or average", e.getMessage());
        assertEquals("l’UPE 7 n’a qu’une unité du second degré : sa variance intra-UPE ne peut pas être estimée ; indiquez"
                + " options.fpc2 si cette unité est toute l’UPE, retirez options.ssu pour la variance des grappes"
                + " ultimes, ou indiquez options.lonely-psu remove, adjust ou average", e.message(Locale.FRENCH, SPEC));
    }
}
