package org.synergia.measures.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synergia.measures.testdata.ReferenceFiles;

/**
 * Two-stage, ultimate-cluster and one-stage cluster designs against R 4.2.2 survey 4.1-1
 * (svymean / svytotal with deff = TRUE, svyratio, svyby by school type), computed by
 * src/test/resources/reference/survey_designs.R into survey_designs.csv.
 */
class SurveyDesignReferenceTest {

    private static final double TOL = 1e-8;

    static Stream<Arguments> references() {
        Map<String, List<String>> ref = ReferenceFiles.csv(ReferenceFiles.resource("survey_designs.csv"));
        return IntStream.range(0, ref.get("design").size()).mapToObj(i -> Arguments.of(ref.get("design").get(i),
                ref.get("statistic").get(i), ref.get("variable").get(i), Double.parseDouble(ref.get("estimate").get(i)),
                Double.parseDouble(ref.get("se").get(i)), ref.get("deff").get(i)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("references")
    void matchesRSurvey(String designName, String statistic, String variable, double estimate, double se, String deff) {
        boolean clus1 = designName.startsWith("onestage");
        Map<String, List<String>> d = ReferenceFiles.csv(ReferenceFiles.resource(clus1 ? "apiclus1.csv" : "apiclus2.csv"));
        SurveyDesign design = switch (designName) {
            case "twostage_fpc" -> SurveyDesign.simpleRandom(d.get("cds").size())
                    .withClusters(ReferenceFiles.codes(d, "dnum")).withSecondStageUnits(ReferenceFiles.codes(d, "snum"))
                    .withFpc(ReferenceFiles.numbers(d, "fpc1")).withSecondStageFpc(ReferenceFiles.numbers(d, "fpc2"));
            case "twostage_fpc_weights" -> SurveyDesign.weighted(ReferenceFiles.numbers(d, "pw"))
                    .withClusters(ReferenceFiles.codes(d, "dnum")).withSecondStageUnits(ReferenceFiles.codes(d, "snum"))
                    .withFpc(ReferenceFiles.numbers(d, "fpc1")).withSecondStageFpc(ReferenceFiles.numbers(d, "fpc2"));
            case "ultimate_cluster" -> SurveyDesign.weighted(ReferenceFiles.numbers(d, "pw"))
                    .withClusters(ReferenceFiles.codes(d, "dnum"));
            case "onestage_fraction" -> SurveyDesign.simpleRandom(d.get("cds").size())
                    .withClusters(ReferenceFiles.codes(d, "dnum")).withFpc(ReferenceFiles.numbers(d, "frac"));
            default -> throw new IllegalArgumentException(designName);
        };
        SurveyEstimator est = SurveyEstimator.withDefaults();
        SurveyResult r = switch (statistic) {
            case "mean" -> est.mean(design, ReferenceFiles.numbers(d, variable), variable);
            case "total" -> est.total(design, ReferenceFiles.numbers(d, variable), variable);
            case "ratio" -> est.ratio(design, ReferenceFiles.numbers(d, "api00"), ReferenceFiles.numbers(d, "api99"),
                    "api00", "api99");
            case "mean_by_stype", "total_by_stype" -> {
                List<String> stype = d.get("stype");
                String[] labels = {"E", "H", "M"};
                int[] group = stype.stream().mapToInt(s -> List.of(labels).indexOf(s)).toArray();
                double[] y = ReferenceFiles.numbers(d, "api00");
                SurveyResult all = statistic.startsWith("mean") ? est.meanByGroup(design, y, "api00", group, labels)
                        : est.totalByGroup(design, y, "api00", group, labels);
                String term = (statistic.startsWith("mean") ? "mean:" : "total:") + variable;
                yield new SurveyResult(all.method(), List.of(all.term(term)), all.n(), all.diagnostics(), all.warnings());
            }
            default -> throw new IllegalArgumentException(statistic);
        };
        assertEquals(estimate, r.estimates().get(0).estimate(), TOL * Math.abs(estimate));
        assertEquals(se, r.estimates().get(0).se(), TOL * se);
        if (!deff.equals("NA")) {
            assertEquals(Double.parseDouble(deff), (Double) r.diagnostics().get("deff"), TOL * Double.parseDouble(deff));
        }
    }
}
