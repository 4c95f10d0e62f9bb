package org.synergia.measures.testdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads committed test references of this module and of synergia-testdata (simple quoted CSV, JSON). */
public final class ReferenceFiles {

    private ReferenceFiles() {
    }

    /** @return a JSON file parsed */
    public static JsonNode json(Path path) {
        try {
            return new ObjectMapper().readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a committed test resource's path */
    public static Path resource(String name) {
        try {
            return Path.of(ReferenceFiles.class.getResource("/reference/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the CSV's columns by header name, as strings (quotes removed; no embedded commas) */
    public static Map<String, List<String>> csv(Path path) {
        try {
            List<String> lines = Files.readAllLines(path);
            String[] header = split(lines.get(0));
            Map<String, List<String>> cols = new LinkedHashMap<>();
            for (String h : header) {
                cols.put(h, new ArrayList<>());
            }
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = split(line);
                for (int j = 0; j < header.length; j++) {
                    cols.get(header[j]).add(f[j]);
                }
            }
            return cols;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a column parsed as doubles (NA as NaN) */
    public static double[] numbers(Map<String, List<String>> csv, String column) {
        return csv.get(column).stream().mapToDouble(s -> s.equals("NA") ? Double.NaN : Double.parseDouble(s)).toArray();
    }

    /** @return a column coded to integers by first appearance of each distinct value */
    public static int[] codes(Map<String, List<String>> csv, String column) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> values = csv.get(column);
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = index.computeIfAbsent(values.get(i), k -> index.size());
        }
        return out;
    }

    private static String[] split(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].replace("\"", "");
        }
        return f;
    }
}
