package org.synergia.measures.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;

/** Indicators on examples worked by hand from the instruments' published definitions and weights. */
class IndicatorsTest {

    @Test
    void foodConsumptionScoreAndBothThresholdSets() {
        // WFP (2008) weights. Household 1: staples 7, pulses 3, vegetables 6, fruit 0, meat 1, milk 0,
        // sugar 2, oil 5 -> 14 + 9 + 6 + 0 + 4 + 0 + 1 + 2.5 = 36.5 (acceptable; borderline on the 28/42 set).
        // Household 2: staples 7, oil 7, sugar 7, vegetables 3 -> 14 + 3.5 + 3.5 + 3 = 24 (borderline; poor on 28/42).
        // Household 3: pulses missing -> missing.
        Map<FoodConsumptionScore.FoodGroup, String> map = new EnumMap<>(FoodConsumptionScore.FoodGroup.class);
        Dataset.Builder b = Dataset.builder("fcs");
        double[][] days = {{7, 7, 7}, {3, 0, Double.NaN}, {6, 3, 0}, {0, 0, 0}, {1, 0, 0}, {0, 0, 0}, {2, 7, 0}, {5, 7, 0}};
        FoodConsumptionScore.FoodGroup[] groups = FoodConsumptionScore.FoodGroup.values();
        for (int j = 0; j < 8; j++) {
            b.addNumeric("g" + j, days[j]);
            map.put(groups[j], "g" + j);
        }
        double[] s = FoodConsumptionScore.withColumns(map).scores(b.build());
        assertEquals(36.5, s[0], 1e-12);
        assertEquals(24, s[1], 1e-12);
        assertTrue(Double.isNaN(s[2]));
        assertArrayEquals(s, FoodConsumptionScore.scores(days), 0);
        assertEquals(FoodConsumptionScore.Category.ACCEPTABLE, FoodConsumptionScore.Thresholds.STANDARD.categorise(36.5));
        assertEquals(FoodConsumptionScore.Category.BORDERLINE, FoodConsumptionScore.Thresholds.HIGH_OIL_SUGAR.categorise(36.5));
        assertEquals(FoodConsumptionScore.Category.BORDERLINE, FoodConsumptionScore.Thresholds.STANDARD.categorise(24));
        assertEquals(FoodConsumptionScore.Category.POOR, FoodConsumptionScore.Thresholds.HIGH_OIL_SUGAR.categorise(24));
        assertEquals(FoodConsumptionScore.Category.POOR, FoodConsumptionScore.Thresholds.STANDARD.categorise(21));
        assertEquals(FoodConsumptionScore.Category.BORDERLINE, FoodConsumptionScore.Thresholds.STANDARD.categorise(21.5));
        assertEquals(FoodConsumptionScore.Category.BORDERLINE, FoodConsumptionScore.Thresholds.STANDARD.categorise(35));
        assertNull(FoodConsumptionScore.Thresholds.STANDARD.categorise(Double.NaN));
        // maximum: 7 days of everything = 7 * 16 = 112
        double[][] all = new double[8][1];
        for (double[] g : all) {
            g[0] = 7;
        }
        assertEquals(112, FoodConsumptionScore.scores(all)[0], 1e-12);
        double[][] bad = new double[8][1];
        bad[0][0] = 8;
        assertThrows(InputException.class, () -> FoodConsumptionScore.scores(bad));
    }

    @Test
    void hddsFiesHungerAndCopingScores() {
        double[][] hdds = new double[12][2];
        for (int j = 0; j < 12; j++) {
            hdds[j][0] = j < 5 ? 1 : 0;
            hdds[j][1] = 1;
        }
        assertArrayEquals(new double[] {5, 12}, DietaryDiversity.scores(DietaryDiversity.Instrument.HDDS, hdds), 0);
        double[][] fies = new double[8][1];
        fies[0][0] = 1;
        fies[7][0] = 1;
        assertEquals(2, DietaryDiversity.scores(DietaryDiversity.Instrument.FIES, fies)[0], 0);
        // HHS (Ballard et al. 2011): often, sometimes, never -> 2 + 1 + 0 = 3 (moderate); all often -> 6 (severe)
        double[] hhs = HouseholdHungerScale.scores(new double[][] {{3, 3, 1}, {2, 3, 0}, {0, 3, 0}});
        assertArrayEquals(new double[] {3, 6, 1}, hhs, 0);
        assertEquals(HouseholdHungerScale.Category.MODERATE, HouseholdHungerScale.categorise(3));
        assertEquals(HouseholdHungerScale.Category.SEVERE, HouseholdHungerScale.categorise(6));
        assertEquals(HouseholdHungerScale.Category.LITTLE_TO_NONE, HouseholdHungerScale.categorise(1));
        // rCSI: less preferred 3 days, borrow 2, limit portions 4, reduce meals 1, restrict adults 2
        // -> 3*1 + 2*2 + 4*1 + 1*1 + 2*3 = 18; maximum 7 * 8 = 56
        double[] csi = ReducedCopingStrategiesIndex.scores(new double[][] {{3, 7}, {2, 7}, {4, 7}, {1, 7}, {2, 7}});
        assertArrayEquals(new double[] {18, 56}, csi, 0);
    }

    @Test
    void tropicalLivestockUnitsFromTheConfigurableTable() {
        Dataset d = Dataset.builder("herd").addNumeric("cows", new double[] {2, 0}).addNumeric("shoats", new double[] {10, 3})
                .addNumeric("hens", new double[] {20, Double.NaN}).build();
        double[] tlu = TropicalLivestockUnits.withWeights(TropicalLivestockUnits.SUB_SAHARAN,
                Map.of("cattle", "cows", "goats", "shoats", "chickens", "hens")).units(d);
        assertEquals(2 * 0.7 + 10 * 0.1 + 20 * 0.01, tlu[0], 1e-12);
        assertTrue(Double.isNaN(tlu[1]));
        assertThrows(InputException.class, () -> TropicalLivestockUnits.withWeights(TropicalLivestockUnits.SUB_SAHARAN,
                Map.of("camels", "cows")));
    }

    @Test
    void hfiasScoreAndCategoriesOnWorkedPatterns() {
        // Coates et al. (2007) algorithm, patterns worked by hand
        assertEquals(Hfias.Category.FOOD_SECURE, Hfias.category(new int[] {1, 0, 0, 0, 0, 0, 0, 0, 0}));
        assertEquals(Hfias.Category.MILDLY_FOOD_INSECURE, Hfias.category(new int[] {2, 0, 0, 0, 0, 0, 0, 0, 0}));
        assertEquals(Hfias.Category.MILDLY_FOOD_INSECURE, Hfias.category(new int[] {0, 0, 1, 1, 0, 0, 0, 0, 0}));
        assertEquals(Hfias.Category.MODERATELY_FOOD_INSECURE, Hfias.category(new int[] {3, 3, 2, 0, 0, 0, 0, 0, 0}));
        assertEquals(Hfias.Category.MODERATELY_FOOD_INSECURE, Hfias.category(new int[] {0, 0, 0, 0, 2, 1, 0, 0, 0}));
        assertEquals(Hfias.Category.SEVERELY_FOOD_INSECURE, Hfias.category(new int[] {0, 0, 0, 0, 3, 0, 0, 0, 0}));
        assertEquals(Hfias.Category.SEVERELY_FOOD_INSECURE, Hfias.category(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 1}));
        Dataset.Builder b = Dataset.builder("hfias");
        List<String> names = new java.util.ArrayList<>();
        int[][] rows = {{1, 2, 0, 0, 0, 0, 0, 0, 0}, {3, 3, 3, 3, 3, 3, 3, 3, 3}};
        for (int j = 0; j < 9; j++) {
            b.addNumeric("q" + j, new double[] {rows[0][j], rows[1][j], j == 4 ? Double.NaN : 0});
            names.add("q" + j);
        }
        Dataset d = b.build();
        Hfias h = Hfias.withColumns(names);
        double[] scores = h.scores(d);
        assertEquals(3, scores[0], 0);
        assertEquals(27, scores[1], 0);
        assertTrue(Double.isNaN(scores[2]));
        Hfias.Category[] c = h.categories(d);
        assertEquals(Hfias.Category.MILDLY_FOOD_INSECURE, c[0]);
        assertEquals(Hfias.Category.SEVERELY_FOOD_INSECURE, c[1]);
        assertNull(c[2]);
    }

    @Test
    void hfiasCategoriesCoverAllFourToTheNinthPatterns() {
        int[] q = new int[9];
        int[] counts = new int[4];
        for (int code = 0; code < 262144; code++) {
            int c = code;
            for (int j = 0; j < 9; j++) {
                q[j] = c & 3;
                c >>= 2;
            }
            counts[Hfias.category(q).ordinal()]++;
        }
        for (int k : counts) {
            assertTrue(k > 0);
        }
        assertEquals(262144, counts[0] + counts[1] + counts[2] + counts[3]);
        assertEquals(2, counts[0]); // only Q1 in {0, 1} with everything else 0
    }

    @Property(tries = 500, seed = "20171")
    void everyHfiasPatternMeetsItsCategoryAndNoMoreSevereOne(
            @ForAll @Size(9) List<@IntRange(min = 0, max = 3) Integer> answers) {
        int[] q = answers.stream().mapToInt(Integer::intValue).toArray();
        Hfias.Category c = Hfias.category(q);
        boolean[] meets = {Hfias.isSecure(q), Hfias.isMild(q), Hfias.isModerate(q), Hfias.isSevere(q)};
        assertTrue(meets[c.ordinal()], "pattern does not meet its own category");
        for (int k = c.ordinal() + 1; k < 4; k++) {
            assertTrue(!meets[k], "a more severe category also applies");
        }
    }
}
