package org.synergia.cases.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.CaseSpecReader;
import org.synergia.data.Dataset;
import org.synergia.data.NumericColumn;

class SurveySimulatorTest {

    @Test
    void selectionDesignReproducesSampleGroupsAndPlantedEffects() {
        CaseSpec spec = CaseSpecReader.bundled("mali-cash-plus");
        SimulatedSurvey survey = SurveySimulator.simulate(spec);
        Dataset d = survey.data();
        assertEquals(1151, d.rowCount());
        assertEquals("true", d.metadata().get("simulated"));
        NumericColumn group = d.numeric("group");
        int[] counts = new int[3];
        for (int i = 0; i < d.rowCount(); i++) {
            counts[(int) group.value(i)]++;
        }
        // shares 0.41 / 0.29 / 0.30 of 1,151 households, within sampling error
        assertEquals(472, counts[0], 60);
        assertEquals(334, counts[1], 60);
        assertEquals(345, counts[2], 60);
        // a continuous outcome's planted effect is its truth exactly, whatever the population
        assertEquals(95, survey.contrast("income", 2, 0, g -> true), 1e-9);
        assertEquals(40, survey.contrast("income", 1, 0, i -> survey.arm(i) == 1), 1e-9);
        // an indicator's truth is on the indicator's scale: more food-consumption score for a positive latent effect
        double fcs = survey.contrast("fcs", 2, 0, g -> true);
        assertTrue(fcs > 2 && fcs < 15, "FCS effect " + fcs);
        // reduced coping strategies fall when households are better off
        assertTrue(survey.contrast("rcsi", 2, 0, g -> true) < 0);
        assertTrue(d.hasColumn("fcs_staples") && d.hasColumn("rcsi_restrict_adults") && d.hasColumn("lvs_cattle"));
    }

    @Test
    void sameSeedSameSurveyOtherSeedOtherSurvey() {
        CaseSpec spec = CaseSpecReader.bundled("zambia-hgsf-casu");
        double[] a = SurveySimulator.simulate(spec, 7).data().numeric("income").toDoubleArray();
        double[] b = SurveySimulator.simulate(spec, 7).data().numeric("income").toDoubleArray();
        double[] c = SurveySimulator.simulate(spec, 8).data().numeric("income").toDoubleArray();
        assertTrue(java.util.Arrays.equals(a, b));
        assertTrue(!java.util.Arrays.equals(a, c));
    }

    @Test
    void panelHasTwoRoundsPerHousehold() {
        SimulatedSurvey survey = SurveySimulator.simulate(CaseSpecReader.bundled("ethiopia-psnp-insct"));
        Dataset d = survey.data();
        assertEquals(2 * 1920, d.rowCount());
        assertEquals(60, survey.contrast("consumption", 1, 0, i -> survey.arm(i) == 1), 1e-9);
        assertTrue(d.hasColumn("round") && d.hasColumn("hhid") && d.hasColumn("kebele"));
    }

    @Test
    void cutoffSaturationDesignKeepsMidlineAndPlantsDirectAndSpilloverEffects() {
        SimulatedSurvey survey = SurveySimulator.simulate(CaseSpecReader.bundled("peru-haku-winay"));
        Dataset d = survey.data();
        assertEquals(782, d.rowCount(), 45);
        // coaching adds 85 - 55 = 30 soles on the coached; spillover 0.4 × 30 × saturation on the others
        assertEquals(30, survey.directEffect("income", Double.NaN), 1e-9);
        assertEquals(0.4 * 30 * (2.0 / 3), survey.spillover("income", 2.0 / 3), 1e-9);
        // at each saturation drawn, 1/3 kept exactly (the old string terms rounded it to 0.3333 and found nothing)
        assertEquals(30, survey.directEffect("income", 1.0 / 3), 1e-9);
        assertEquals(0.4 * 30 / 3, survey.spillover("income", 1.0 / 3), 1e-9);
        assertTrue(Double.isNaN(survey.directEffect("income", 0.3333)));
        // the planted slopes in saturation: none on the coached, 0.4 x 30 per unit on their neighbours
        assertEquals(0, survey.saturationSlope("income", true), 1e-9);
        assertEquals(0.4 * 30, survey.saturationSlope("income", false), 1e-9);
        double rd = survey.discontinuity("income");
        assertTrue(rd > 55 && rd < 85, "effect at the cutoff " + rd);
        NumericColumn saturation = d.numeric("saturation");
        NumericColumn hw = d.numeric("hw");
        for (int i = 0; i < d.rowCount(); i++) {
            assertEquals(hw.value(i) == 0, saturation.isMissing(i));
        }
    }

    @Test
    void exposureDesignPlantsSlopesPerGroup() {
        SimulatedSurvey survey = SurveySimulator.simulate(CaseSpecReader.bundled("colombia-ppp"));
        assertEquals(28, survey.doseSlope("income", 0), 1e-6);
        assertEquals(18, survey.doseSlope("income", 1), 1e-6);
        assertTrue(survey.data().hasColumn("exposure_years"));
    }
}
