package org.synergia.stats.glm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reference values in {@code reference/*.csv} (model, term, quantity, value), made by the R scripts beside them. */
public final class GlmReference {

    private final Map<String, Map<String, Double>> values = new LinkedHashMap<>();

    private GlmReference() {
    }

    public static GlmReference load() {
        return load("glm_lalonde.csv");
    }

    /** @param file a file in {@code reference/}; {@code NA} is read as NaN */
    public static GlmReference load(String file) {
        GlmReference r = new GlmReference();
        try (InputStream in = GlmReference.class.getResourceAsStream("/reference/" + file)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].replace("\"", "").split(",");
                r.values.computeIfAbsent(f[0] + "/" + f[2], k -> new LinkedHashMap<>()).put(f[1], f[3].equals("NA") ? Double.NaN : Double.parseDouble(f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r;
    }

    /** @return term → value for a model and quantity, in R's order */
    public Map<String, Double> get(String model, String quantity) {
        Map<String, Double> m = values.get(model + "/" + quantity);
        if (m == null) {
            throw new IllegalArgumentException(model + "/" + quantity);
        }
        return m;
    }

    public double scalar(String model, String quantity) {
        return get(model, quantity).get("(model)");
    }

    public List<String> terms(String model) {
        return new ArrayList<>(get(model, "coef").keySet());
    }
}
