package org.synergia.measures.poverty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.data.OptionStyle;
import org.synergia.measures.survey.SurveyDesign;
import org.synergia.measures.survey.SurveyResult;
import org.synergia.measures.testdata.ReferenceFiles;
import org.synergia.testdata.TestFiles;

/**
 * FGT(0,1,2) at line 10000 on eusilc.csv against R 4.2.2 survey 4.1-1 (svymean / svyby of g^alpha,
 * households as PSUs within region strata) and laeken 0.5.2 (gini, qsr), computed by
 * src/test/resources/reference/poverty_fgt.R into poverty_fgt.csv; the same on incomes shifted down by 5000 (288
 * negative).
 */
class PovertyMeasuresTest {

    private static Map<String, List<String>> ref;
    private static SurveyDesign design;
    private static double[] income;
    private static int[] sex;

    @BeforeAll
    static void read() {
        ref = ReferenceFiles.csv(ReferenceFiles.resource("poverty_fgt.csv"));
        Map<String, List<String>> d = ReferenceFiles.csv(TestFiles.reference("eusilc.csv"));
        design = SurveyDesign.weighted(ReferenceFiles.numbers(d, "weight"))
                .withStrata(ReferenceFiles.codes(d, "region")).withClusters(ReferenceFiles.codes(d, "household"));
        income = ReferenceFiles.numbers(d, "eq_income");
        sex = d.get("sex").stream().mapToInt(s -> s.equals("female") ? 0 : 1).toArray();
    }

    private static double ref(String term, String column) {
        return Double.parseDouble(ref.get(column).get(ref.get("term").indexOf(term)));
    }

    @Test
    void aLineThatIsNotPositiveIsRefusedNamingTheOption() {
        InputException e = assertThrows(InputException.class, () -> PovertyMeasures.atLine(-5));
        assertEquals("poverty line -5.0 must be positive and finite: give --line", e.getMessage());
        assertEquals(PovertyProblem.LINE_NOT_POSITIVE, e.reason().orElseThrow());
        assertEquals("la línea de pobreza -5.0 debe ser positiva y finita: indique options.line",
                e.message(Locale.forLanguageTag("es"), name -> "options." + name));
        assertEquals("le seuil de pauvreté Infinity doit être positif et fini : indiquez --line",
                assertThrows(InputException.class, () -> PovertyMeasures.atLine(Double.POSITIVE_INFINITY))
                        .message(Locale.FRENCH, OptionStyle.COMMAND_LINE));
    }

    @Test
    void fgtAndGiniMatchRSurveyAndLaeken() {
        SurveyResult r = PovertyMeasures.atLine(10000).fit(design, income);
        for (String t : new String[] {"FGT0", "FGT1", "FGT2"}) {
            assertEquals(ref(t, "estimate"), r.term(t).estimate(), 1e-10 * ref(t, "estimate"), t);
            assertEquals(ref(t, "se"), r.term(t).se(), 1e-8 * ref(t, "se"), t + " se");
        }
        assertEquals(ref("Gini", "estimate"), r.term("Gini").estimate(), 1e-10);
        assertEquals(ref("S80S20", "estimate"), (Double) r.diagnostics().get("S80S20"), 1e-10);
    }

    @Test
    void negativeIncomesGiveFgtAndGiniAndLeaveOutOnlyTheTheilIndex() {
        double[] shifted = new double[income.length];
        for (int i = 0; i < income.length; i++) {
            shifted[i] = income[i] - 5000;
        }
        SurveyResult r = PovertyMeasures.atLine(10000).fit(design, shifted);
        for (String t : new String[] {"FGT0", "FGT1", "FGT2"}) {
            String term = "negative:" + t;
            assertEquals(ref(term, "estimate"), r.term(t).estimate(), 1e-10 * ref(term, "estimate"), term);
            assertEquals(ref(term, "se"), r.term(t).se(), 1e-8 * ref(term, "se"), term + " se");
        }
        assertEquals(ref("negative:Gini", "estimate"), r.term("Gini").estimate(), 1e-10);
        assertEquals(ref("negative:S80S20", "estimate"), (Double) r.diagnostics().get("S80S20"), 1e-10);
        assertNull(r.diagnostics().get("Theil"));
        assertEquals(List.of("the Theil index is left out: it is undefined with negative incomes (288 rows); the FGT measures"
                + " and the Gini use every row"), r.warnings());
    }

    @Test
    void byGroupMatchesSvyby() {
        SurveyResult r = PovertyMeasures.atLine(10000).fitByGroup(design, income, sex, new String[] {"female", "male"});
        for (String g : new String[] {"female", "male"}) {
            for (String t : new String[] {"FGT0", "FGT1", "FGT2"}) {
                String term = t + "[" + g + "]";
                assertEquals(ref(term, "estimate"), r.term(term).estimate(), 1e-10 * ref(term, "estimate"), term);
                assertEquals(ref(term, "se"), r.term(term).se(), 1e-8 * ref(term, "se"), term + " se");
            }
        }
        assertEquals(ref("Gini[female]", "estimate"), r.term("Gini[female]").estimate(), 1e-10);
    }
}
