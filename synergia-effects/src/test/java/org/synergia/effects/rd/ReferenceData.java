package org.synergia.effects.rd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the shared reference files: numeric CSV columns (NA as NaN) and the JSON reference values. */
final class ReferenceData {

    private ReferenceData() {
    }

    static Path shared(String... parts) {
        return Path.of(System.getProperty("synergia.shared"), parts);
    }

    /** @return column name to values, "NA" read as NaN */
    static Map<String, double[]> csv(String file) {
        try {
            List<String> lines = Files.readAllLines(shared("reference", file));
            String[] header = lines.get(0).replace("\"", "").split(",");
            Map<String, double[]> out = new LinkedHashMap<>();
            for (String h : header) {
                out.put(h, new double[lines.size() - 1]);
            }
            for (int r = 1; r < lines.size(); r++) {
                String[] f = lines.get(r).split(",");
                for (int c = 0; c < header.length; c++) {
                    String v = f[c].replace("\"", "");
                    out.get(header[c])[r - 1] = v.equals("NA") ? Double.NaN : Double.parseDouble(v);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String file) {
        try {
            return new ObjectMapper().readTree(shared("reference", file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
