package org.synergia.effects.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.synergia.data.Dataset;
import org.synergia.data.io.DatasetReaders;
import org.synergia.effects.potentialoutcomes.Aipw;
import org.synergia.effects.potentialoutcomes.Estimand;
import org.synergia.effects.potentialoutcomes.Ipw;
import org.synergia.effects.potentialoutcomes.TreatmentEffectResult;
import org.synergia.stats.glm.Link;
import org.synergia.stats.inference.Estimate;
import org.synergia.testdata.TestFiles;

/**
 * Against Stata 18 {@code teffects psmatch}, {@code ipw} and {@code aipw} on lalonde
 * ({@code reference/lalonde_teffects_stata18.json}): logit and probit scores, ATE and ATET, with a
 * discrete covariate set (many units share every covariate, so matches tie heavily) and the full
 * one. Stata prints 7 significant digits; values are compared within two units of the last digit,
 * the point estimate on the scale of its standard error (an effect of 30 with an SE of 933 is
 * printed to 1e-5).
 */
class LalondeStataTest {

    private static final List<String> DISCRETE = List.of("age", "educ", "black", "hispan", "married", "nodegree");
    private static final Dataset LALONDE = DatasetReaders.read(
            TestFiles.reference("lalonde.csv"));

    static Stream<JsonNode> cases() throws IOException {
        JsonNode ref = new ObjectMapper().readTree(LalondeStataTest.class
                .getResource("/reference/lalonde_teffects_stata18.json"));
        return StreamSupport.stream(ref.get("cases").spliterator(), false);
    }

    private static List<String> covariates(JsonNode c) {
        List<String> x = new ArrayList<>(DISCRETE);
        if (c.get("covariates").asText().equals("FULL")) {
            x.addAll(List.of("re74", "re75"));
        }
        return x;
    }

    private static void close(double printed, double actual, String what) {
        double unit = Math.pow(10, Math.floor(Math.log10(Math.abs(printed))) - 6);
        assertEquals(printed, actual, 2 * unit, what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesStata(JsonNode c) {
        List<String> x = covariates(c);
        Link link = c.get("link").asText().equals("probit") ? Link.PROBIT : Link.LOGIT;
        Estimand estimand = c.get("estimand").asText().equals("ATET") ? Estimand.ATT : Estimand.ATE;
        Estimate e = switch (c.get("method").asText()) {
            case "psmatch" -> psmatch(x, link, estimand);
            case "ipw" -> effect(Ipw.withDefaults().withLink(link).withEstimand(estimand)
                    .fit(LALONDE, "re78", "treat ~ " + String.join(" + ", x)), estimand);
            case "aipw" -> effect(Aipw.withDefaults().withLink(link).withEstimand(estimand)
                    .fit(LALONDE, "re78 ~ " + String.join(" + ", x), "treat ~ " + String.join(" + ", x)), estimand);
            default -> throw new IllegalArgumentException(c.toString());
        };
        String what = c.toString();
        assertEquals(c.get("estimate").asDouble(), e.estimate(), 2e-6 * c.get("se").asDouble(), what);
        close(c.get("se").asDouble(), e.se(), what + " se");
    }

    private static Estimate effect(TreatmentEffectResult r, Estimand estimand) {
        return r.estimate(estimand == Estimand.ATT ? "ATT" : "ATE");
    }

    private static Estimate psmatch(List<String> x, Link link, Estimand estimand) {
        double[] y = LALONDE.numeric("re78").toDoubleArray();
        double[] t = LALONDE.numeric("treat").toDoubleArray();
        boolean[] treated = new boolean[t.length];
        for (int i = 0; i < t.length; i++) {
            treated[i] = t[i] == 1;
        }
        double[][] columns = new double[x.size() + 1][];
        columns[0] = new double[y.length];
        Arrays.fill(columns[0], 1);
        for (int j = 0; j < x.size(); j++) {
            columns[j + 1] = LALONDE.numeric(x.get(j)).toDoubleArray();
        }
        List<String> names = new ArrayList<>(List.of("(Intercept)"));
        names.addAll(x);
        return PsMatch.withDefaults().withLink(link).withEstimand(estimand).fit(y, treated, columns, names).effect();
    }
}
