package org.synergia.stats.glm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values in {@code reference/glm_lalonde.csv} (made by {@code glm_lalonde.R}). */
final class GlmReference {

    private final Map<String, Map<String, Double>> values = new LinkedHashMap<>();

    private GlmReference() {
    }

    static GlmReference load() {
        GlmReference r = new GlmReference();
        try (InputStream in = GlmReference.class.getResourceAsStream("/reference/glm_lalonde.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].replace("\"", "").split(",");
                r.values.computeIfAbsent(f[0] + "/" + f[2], k -> new LinkedHashMap<>()).put(f[1], Double.parseDouble(f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r;
    }

    /** @return term → value for a model and quantity, in R's order */
    Map<String, Double> get(String model, String quantity) {
        Map<String, Double> m = values.get(model + "/" + quantity);
        if (m == null) {
            throw new IllegalArgumentException(model + "/" + quantity);
        }
        return m;
    }

    double scalar(String model, String quantity) {
        return get(model, quantity).get("(model)");
    }

    List<String> terms(String model) {
        return new ArrayList<>(get(model, "coef").keySet());
    }
}
