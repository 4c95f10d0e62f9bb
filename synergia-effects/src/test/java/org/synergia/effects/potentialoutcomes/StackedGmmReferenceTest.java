package org.synergia.effects.potentialoutcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.synergia.stats.glm.Link;

/**
 * Against {@code reference/teffects_stacked_gmm.json}, written by {@code teffects_stacked_gmm.py}
 * (numpy 2.4 / scipy 1.17): the full stacked system of Stata teffects' estimating equations with a
 * finite-difference derivative matrix, for every method, ATE and ATT, logit and probit treatment
 * models, linear, logit and Poisson outcome models, sampling weights, clusters, and a four-arm
 * factorial design (multinomial logit). Potential-outcome means to 1e-8 relative, their covariance
 * to 1e-6 relative.
 */
class StackedGmmReferenceTest {

    static List<JsonNode> cases() throws IOException {
        JsonNode root = new ObjectMapper().readTree(TestData.resource("teffects_stacked_gmm.json").toFile());
        List<JsonNode> out = new ArrayList<>();
        root.get("cases").forEach(out::add);
        return out;
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void matchesFullStackedSystem(JsonNode c) {
        TreatmentData data = data(c);
        Estimand estimand = Estimand.valueOf(c.get("estimand").asText().toUpperCase());
        OutcomeModel model = OutcomeModel.valueOf(c.get("outcome_model").asText().toUpperCase());
        Link link = Link.valueOf(c.get("link").asText().toUpperCase());
        double treated = c.get("treated").asDouble();
        TreatmentEffectResult r = switch (c.get("method").asText()) {
            case "ra" -> Ra.withDefaults().withEstimand(estimand).withTreatedLevel(treated).withOutcomeModel(model).fit(data);
            case "ipw" -> Ipw.withDefaults().withEstimand(estimand).withTreatedLevel(treated).withLink(link).fit(data);
            case "aipw" -> Aipw.withDefaults().withEstimand(estimand).withTreatedLevel(treated).withLink(link)
                    .withOutcomeModel(model).fit(data);
            case "ipwra" -> Ipwra.withDefaults().withEstimand(estimand).withTreatedLevel(treated).withLink(link)
                    .withOutcomeModel(model).fit(data);
            default -> throw new IllegalArgumentException(c.toString());
        };
        double[] mu = r.potentialOutcomeMeans();
        double[][] cov = r.potentialOutcomeCovariance();
        String name = c.get("name").asText();
        for (int a = 0; a < mu.length; a++) {
            double m = c.get("mu").get(a).asDouble();
            assertEquals(m, mu[a], 1e-8 * Math.abs(m), name + " mu" + a);
            for (int b = 0; b < mu.length; b++) {
                double v = c.get("cov").get(a).get(b).asDouble();
                double scale = Math.sqrt(c.get("cov").get(a).get(a).asDouble() * c.get("cov").get(b).get(b).asDouble());
                assertEquals(v, cov[a][b], 1e-6 * scale, name + " cov" + a + b);
            }
        }
    }

    /** The case's data, built as the Python script builds it. */
    static TreatmentData data(JsonNode c) {
        TreatmentData d;
        if (c.get("data").asText().equals("lalonde")) {
            d = TestData.lalonde();
            double[] y = d.outcome().clone();
            String model = c.get("outcome_model").asText();
            for (int i = 0; i < y.length; i++) {
                y[i] = model.equals("logit") ? (y[i] > 5000 ? 1 : 0) : model.equals("poisson") ? Math.floor(y[i] / 1000) : y[i];
            }
            d = new TreatmentData(y, d.treatment(), d.outcomeDesign(), d.outcomeNames(), d.treatmentDesign(),
                    d.treatmentNames(), null, null);
        } else {
            TestData f = TestData.read(TestData.resource("factorial_sim.csv"));
            d = TreatmentData.withCommonCovariates(f.column("y"), f.column("arm"), f.columns("x1", "x2"), "x1", "x2");
        }
        int n = d.size();
        if (c.get("weights").asBoolean()) {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = 1 + 0.25 * (i % 4);
            }
            d = d.withWeights(w);
        }
        if (c.get("clusters").asBoolean()) {
            int[] g = new int[n];
            for (int i = 0; i < n; i++) {
                g[i] = i % 30;
            }
            d = d.withClusters(g);
        }
        return d;
    }
}
