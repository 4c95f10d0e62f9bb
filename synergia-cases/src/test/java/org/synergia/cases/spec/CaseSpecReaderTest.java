package org.synergia.cases.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synergia.data.InputException;

class CaseSpecReaderTest {

    @Test
    void everyBundledCaseReadsAndValidates() {
        var cases = CaseCatalogue.all();
        assertEquals(8, cases.size());
        for (CaseSpec c : cases) {
            assertEquals(c.id() + ".yaml", c.file());
            assertEquals(64, c.sha256().length());
            assertTrue(!c.institutional().actors().isEmpty(), c.id() + " has actors");
            for (Text t : c.recommendations()) {
                assertTrue(!t.en().isBlank() && !t.es().isBlank() && !t.fr().isBlank(), c.id() + " recommendation in three languages");
            }
        }
        assertTrue(CaseSpecReader.bundled("mexico-proinpro").institutionalOnly());
        assertEquals(6, CaseSpecReader.bundled("colombia-fest-unidos").outcomes().size());
        assertEquals(new AnalysisSpec.Synergy(3, 1, 2),
                CaseSpecReader.bundled("zambia-hgsf-casu").plan().get(0).synergy().orElseThrow());
    }

    static Stream<Arguments> malformations() {
        String arm = "    control: 0\n    estimand: ate\n    cluster: village";
        return Stream.of(
                Arguments.of("estimator: ipwra", "estimator: ipwr", "bad.yaml: plan[0].estimator: estimator 'ipwr' is not one of the registered estimators ("),
                Arguments.of("outcomes: [fcs, rcsi, herd_tlu, hdds, income]", "outcomes: [fcs, rcs]", "bad.yaml: plan[0].outcomes: outcome 'rcs' is not among the case's outcomes"),
                Arguments.of(arm, arm.replace("cluster", "synergy: \"3=1\"\n    cluster"), "bad.yaml: plan[0].synergy: write the synergy contrast as BOTH=A+B"),
                Arguments.of(arm, arm.replace("control: 0", "control: 7"), "bad.yaml: plan[0]: group code 7 is not among design.groups"),
                Arguments.of("country: {", "countri: {", "bad.yaml: countri: unknown key"),
                Arguments.of("country: {en: Mali, es: Malí,", "country: {en: Mali,", "bad.yaml: country.es: required key is missing"),
                Arguments.of("icc: 0.08", "icc: 1.5", "bad.yaml: simulation.icc: the intra-cluster correlation must be in [0, 1)"),
                Arguments.of("{0: 0.41, 1: 0.29", "{zero: 0.41, 1: 0.29", "bad.yaml: simulation.assignment.shares: keys must be group codes"));
    }

    /** Each malformed specification names the file, the key and the fix. */
    @ParameterizedTest
    @MethodSource("malformations")
    void malformedSpecsAreRefusedWithFileKeyAndFix(String from, String to, String expectedStart) throws IOException {
        String original = bundledText("mali-cash-plus");
        assertTrue(original.contains(from), from);
        String text = original.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        InputException e = assertThrows(InputException.class,
                () -> CaseSpecReader.parse("bad.yaml", text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }

    /** A plan option the estimator does not have is refused when the file is read, with the estimator's own options listed. */
    @Test
    void unknownEstimatorOptionIsNamed() throws IOException {
        String text = bundledText("ethiopia-psnp-insct").replace("{time: round, id: hhid, method: ipw-std}",
                "{time: round, id: hhid, metod: ipw-std}");
        InputException e = assertThrows(InputException.class,
                () -> CaseSpecReader.parse("bad.yaml", text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("bad.yaml: plan[0].options.metod: estimator did has no option 'metod'; its options are outcome, time,"),
                e.getMessage());
        assertTrue(e.getMessage().contains("method"), e.getMessage());
    }

    /** {@code subgroup:} as a name or with the levels' labels; {@code options.subgroup} read as the same; refusals. */
    @Test
    void subgroupsAreReadWithTheirLabelsAndRefusedWhereTheyCannotBe() throws IOException {
        AnalysisSpec.Subgroups sex = CaseSpecReader.bundled("colombia-fest-unidos").plan().stream()
                .filter(a -> a.id().equals("female_head")).findFirst().orElseThrow().subgroup().orElseThrow();
        assertEquals("female_head", sex.variable());
        assertEquals("Hogares con jefatura femenina", sex.label(1, "es"));
        assertEquals("female_head = 2", sex.label(2, "en"));
        AnalysisSpec.Subgroups regions = CaseSpecReader.bundled("zambia-hgsf-casu").plan().stream()
                .filter(a -> a.id().equals("regions")).findFirst().orElseThrow().subgroup().orElseThrow();
        assertEquals("Luapula", regions.label(3, "fr"));
        String ppp = bundledText("colombia-ppp");
        AnalysisSpec dose = CaseSpecReader.parse("ppp.yaml", ppp.replace("    subgroup: group\n", "    options: {subgroup: group}\n")
                .getBytes(StandardCharsets.UTF_8)).plan().get(0);
        assertEquals("group", dose.subgroup().orElseThrow().variable());
        assertTrue(dose.options().isEmpty(), "the option became the analysis's subgroup");
        assertTrue(dose.designVariables().contains("group"));
        InputException twice = assertThrows(InputException.class, () -> CaseSpecReader.parse("ppp.yaml",
                ppp.replace("    subgroup: group\n", "    subgroup: group\n    options: {by: group}\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals("ppp.yaml: plan[0]: the subgroup is given twice (subgroup and options.by); keep only 'subgroup:'",
                twice.getMessage());
        String ethiopia = bundledText("ethiopia-psnp-insct");
        String did = ethiopia.replaceFirst("    estimator: did\n", "    estimator: did\n    subgroup: female_head\n");
        InputException refused = assertThrows(InputException.class,
                () -> CaseSpecReader.parse("bad.yaml", did.getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().matches("bad\\.yaml: plan\\[\\d\\]: estimator did is not estimated within subgroups in a plan;"
                + " the estimators that are: .*psmatch.*; remove 'subgroup:' or change the estimator"), refused.getMessage());
    }

    @Test
    void missingRequiredKeyIsNamed() throws IOException {
        String text = bundledText("mali-cash-plus").replace("country: {en: Mali, es: Malí, fr: Mali}\n", "");
        InputException e = assertThrows(InputException.class,
                () -> CaseSpecReader.parse("bad.yaml", text.getBytes(StandardCharsets.UTF_8)));
        assertEquals("bad.yaml: country: required key is missing; add it (see docs/case-spec.md)", e.getMessage());
    }

    @Test
    void countryAndUnitAreReadInThreeLanguages() {
        CaseSpec ethiopia = CaseSpecReader.bundled("ethiopia-psnp-insct");
        assertEquals(new Text("Ethiopia", "Etiopía", "Éthiopie"), ethiopia.country());
        assertEquals(new Text("food groups 0–12", "grupos de alimentos 0–12", "groupes d'aliments 0–12"), ethiopia.outcome("hdds").unit());
        for (CaseSpec c : CaseCatalogue.all()) {
            List<Text> texts = new ArrayList<>(List.of(c.country()));
            c.outcomes().forEach(o -> texts.add(o.unit()));
            for (Text t : texts) {
                assertTrue(!t.en().isBlank() && !t.es().isBlank() && !t.fr().isBlank(), c.id() + ": " + t);
            }
        }
    }

    /** A user's specification may give a name or unit as one plain value: it then reads the same in every language. */
    @Test
    void aPlainCountryOrUnitReadsTheSameInEveryLanguage() throws IOException {
        String text = bundledText("mali-cash-plus").replace("country: {en: Mali, es: Malí, fr: Mali}", "country: Mali")
                .replace("unit: {en: \"score 0–112\", es: \"puntaje 0–112\", fr: \"score 0–112\"}", "unit: \"FCS points\"");
        CaseSpec spec = CaseSpecReader.parse("mine.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(new Text("Mali", "Mali", "Mali"), spec.country());
        assertEquals(new Text("FCS points", "FCS points", "FCS points"), spec.outcome("fcs").unit());
        assertEquals(new Text("thousand FCFA per year", "miles de FCFA al año", "milliers de FCFA par an"),
                spec.outcome("income").unit(), "the other units keep their three languages");
    }

    @Test
    void unknownCaseIsNamed() {
        InputException e = assertThrows(InputException.class, () -> CaseSpecReader.bundled("chile"));
        assertTrue(e.getMessage().startsWith("unknown case 'chile'; the cases are colombia-fest-unidos"), e.getMessage());
    }

    private static String bundledText(String id) throws IOException {
        try (InputStream in = CaseSpecReader.class.getResourceAsStream("/cases/" + id + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
