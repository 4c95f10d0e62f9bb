package org.synergia.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synergia.data.NumericColumn;
import org.synergia.stats.fewclusters.WildBootstrapResult;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;

/**
 * Prints an {@link EstimationResult} as a readable table or as the JSON result document of the
 * command-line contract ({@code docs/interface.md}). Non-finite numbers are printed as JSON
 * {@code null} (text: {@code .}), never as NaN.
 */
public final class ResultPrinter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final GlobalOptions.Format format;

    private ResultPrinter(GlobalOptions.Format format) {
        this.format = format;
    }

    /**
     * @param format text or json
     * @return a printer for that format
     */
    public static ResultPrinter of(GlobalOptions.Format format) {
        return new ResultPrinter(format);
    }

    /**
     * Prints the result document.
     *
     * @param command the command's name ({@code estimate})
     * @param result the result
     * @param data where the data came from
     * @param out where to print
     */
    public void print(String command, EstimationResult result, DataProvenance data, PrintWriter out) {
        if (format == GlobalOptions.Format.json) {
            out.println(toJsonText(toJson(command, result, data)));
        } else {
            printText(command, result, data, out);
        }
        out.flush();
    }

    /**
     * @param command the command's name ({@code estimate})
     * @param result the result
     * @param data where the data came from
     * @return the JSON result document
     */
    public static ObjectNode toJson(String command, EstimationResult result, DataProvenance data) {
        ObjectNode doc = NODES.objectNode();
        doc.put("command", command);
        doc.put("method", result.method());
        doc.put("n", result.n());
        ArrayNode estimates = doc.putArray("estimates");
        for (Estimate e : result.estimates()) {
            ObjectNode row = estimates.addObject();
            row.put("term", e.name());
            row.set("estimate", number(e.estimate()));
            row.set("se", number(e.se()));
            row.set("ci_low", number(e.ciLow()));
            row.set("ci_high", number(e.ciHigh()));
            row.set("p_value", number(e.pValue()));
        }
        doc.set("diagnostics", node(result.diagnostics()));
        if (!result.warnings().isEmpty()) {
            ArrayNode w = doc.putArray("warnings");
            result.warnings().forEach(w::add);
        }
        ObjectNode d = doc.putObject("data");
        d.put("file", data.file());
        d.put("sha256", data.sha256());
        d.put("rows_used", data.rowsUsed());
        d.put("rows_dropped", data.rowsDropped());
        putSoftware(doc);
        return doc;
    }

    /**
     * Adds the contract's {@code software} section ({@code name} and {@code version}) to a JSON document.
     *
     * @param doc the document
     */
    public static void putSoftware(ObjectNode doc) {
        ObjectNode software = doc.putObject("software");
        software.put("name", "synergia");
        software.put("version", SynergiaCli.version());
    }

    /**
     * @param doc a JSON document
     * @return its indented text
     */
    public static String toJsonText(JsonNode doc) {
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * Converts numbers, strings, booleans, maps, collections and {@code double[]} to JSON, with
     * non-finite numbers as {@code null}.
     *
     * @param value a diagnostic value
     * @return its JSON form
     */
    public static JsonNode node(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Double || value instanceof Float) {
            return number(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return NODES.numberNode(n.longValue());
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof double[] a) {
            ArrayNode arr = NODES.arrayNode();
            for (double x : a) {
                arr.add(number(x));
            }
            return arr;
        }
        if (value instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, v) -> o.set(String.valueOf(k), node(v)));
            return o;
        }
        if (value instanceof Collection<?> c) {
            ArrayNode arr = NODES.arrayNode();
            c.forEach(v -> arr.add(node(v)));
            return arr;
        }
        return NODES.textNode(value.toString());
    }

    private static JsonNode number(double v) {
        return Double.isFinite(v) ? NODES.numberNode(v) : NODES.nullNode();
    }

    private static void printText(String command, EstimationResult r, DataProvenance data, PrintWriter out) {
        out.printf(Locale.ROOT, "%s %s on %s: %d observations used, %d rows dropped%n%n", command, r.method(),
                data.file(), r.n(), data.rowsDropped());
        int width = 4;
        for (Estimate e : r.estimates()) {
            width = Math.max(width, e.name().length());
        }
        String row = "%-" + width + "s %13s %13s %13s %13s %9s%n";
        out.printf(Locale.ROOT, row, "term", "estimate", "std. err.", "ci low", "ci high", "p-value");
        out.println("-".repeat(width + 4 * 14 + 10));
        for (Estimate e : r.estimates()) {
            out.printf(Locale.ROOT, row, e.name(), text(e.estimate()), text(e.se()), text(e.ciLow()), text(e.ciHigh()),
                    pValue(e.pValue()));
        }
        if (!r.diagnostics().isEmpty()) {
            out.println();
            out.println("diagnostics:");
            printDiagnostics(r.diagnostics(), "  ", out);
        }
    }

    /**
     * Diagnostics as {@code key value} lines, the balance, Rosenbaum bounds and rddensity's binomial tests as
     * tables after them, and with
     * {@code --by} each subgroup's own diagnostics under a heading of their own.
     */
    private static void printDiagnostics(Map<String, Object> diagnostics, String indent, PrintWriter out) {
        boolean balance = diagnostics.get("balance") instanceof List<?> && diagnostics.containsKey("balance_n");
        boolean rosenbaum = diagnostics.get("rosenbaum_bounds") instanceof List<?>;
        boolean subgroups = diagnostics.get("by") instanceof String && diagnostics.get("subgroups") instanceof List<?>;
        boolean binomial = diagnostics.get("binomial_tests") instanceof List<?>;
        boolean wild = diagnostics.get(WildBootstrapResult.KEY) instanceof Map<?, ?>;
        diagnostics.forEach((k, v) -> {
            boolean table = balance && (k.equals("balance") || k.equals("balance_n")) || rosenbaum && k.equals("rosenbaum_bounds")
                    || subgroups && k.equals("subgroups") || binomial && k.equals("binomial_tests")
                    || wild && k.equals(WildBootstrapResult.KEY);
            if (!table) {
                out.printf(Locale.ROOT, "%s%-20s %s%n", indent, k, v instanceof Double d ? text(d) : String.valueOf(node(v)));
            }
        });
        if (balance) {
            printBalance((List<?>) diagnostics.get("balance"), (Map<?, ?>) diagnostics.get("balance_n"), out);
        }
        if (rosenbaum) {
            printRosenbaum((List<?>) diagnostics.get("rosenbaum_bounds"), diagnostics.get("rosenbaum_alternative"), out);
        }
        if (binomial) {
            printBinomial((List<?>) diagnostics.get("binomial_tests"), out);
        }
        if (wild) {
            printWildBootstrap((Map<?, ?>) diagnostics.get(WildBootstrapResult.KEY), out);
        }
        if (subgroups) {
            for (Object o : (List<?>) diagnostics.get("subgroups")) {
                Map<?, ?> g = (Map<?, ?>) o;
                out.println();
                out.printf(Locale.ROOT, "%ssubgroup %s = %s (%s observations):%n", indent, diagnostics.get("by"), g.get("level"),
                        g.get("n"));
                @SuppressWarnings("unchecked")
                Map<String, Object> own = (Map<String, Object>) g.get("diagnostics");
                printDiagnostics(own, indent + "  ", out);
            }
        }
    }

    /** The {@code --sensitivity} bounds of {@code psmatch} as a table, one row per Γ. */
    private static void printRosenbaum(List<?> rows, Object alternative, PrintWriter out) {
        out.println();
        out.println("Rosenbaum bounds (one-sided Wilcoxon signed-rank p-value, alternative " + alternative
                + ", and Hodges-Lehmann estimate; R rbounds psens and hlsens):");
        String row = "%8s %10s %10s %13s %13s%n";
        out.printf(Locale.ROOT, row, "gamma", "p upper", "p lower", "HL lower", "HL upper");
        for (Object o : rows) {
            Map<?, ?> m = (Map<?, ?>) o;
            out.printf(Locale.ROOT, row, String.format(Locale.ROOT, "%.4f", field(m, "gamma")), pValue(field(m, "p_upper")), pValue(field(m, "p_lower")),
                    text(field(m, "hl_lower")), text(field(m, "hl_upper")));
        }
    }

    /** The binomial tests of {@code rddensity} as a table, one row per window (as rddensity's summary prints them). */
    private static void printBinomial(List<?> rows, PrintWriter out) {
        out.println();
        out.println("binomial tests (units below and at or above the cutoff within each window; R binom.test):");
        String row = "%12s %12s %8s %8s %10s%n";
        out.printf(Locale.ROOT, row, "window left", "window right", "below", "above", "p-value");
        for (Object o : rows) {
            Map<?, ?> m = (Map<?, ?>) o;
            out.printf(Locale.ROOT, row, text(field(m, "window_left")), text(field(m, "window_right")), m.get("n_left"),
                    m.get("n_right"), pValue(field(m, "p_value")));
        }
    }

    /** {@code --wild-bootstrap}'s p-values and intervals as a table, one row per term. */
    private static void printWildBootstrap(Map<?, ?> wb, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "wild cluster bootstrap-t (null imposed, boottest's WCR; %s %s %s; symmetric p-value,"
                + " %s%% interval by test inversion):%n", wb.get("draws"), wb.get("weights"),
                Boolean.TRUE.equals(wb.get("enumerated")) ? "sign vectors, all enumerated" : "draws, seed " + wb.get("seed"),
                NumericColumn.formatNumber(100 * field(wb, "level")));
        int width = 4;
        for (Object o : (List<?>) wb.get("terms")) {
            width = Math.max(width, String.valueOf(((Map<?, ?>) o).get("term")).length());
        }
        String row = "%-" + width + "s %9s %13s %13s%n";
        out.printf(Locale.ROOT, row, "term", "p-value", "ci low", "ci high");
        for (Object o : (List<?>) wb.get("terms")) {
            Map<?, ?> m = (Map<?, ?>) o;
            out.printf(Locale.ROOT, row, m.get("term"), pValue(field(m, "p_value")), text(field(m, "ci_low")),
                    text(field(m, "ci_high")));
        }
    }

    private static double field(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    /** The {@code --balance} rows as a table, flagged as the JSON flags them, then the numbers of observations. */
    private static void printBalance(List<?> rows, Map<?, ?> counts, PrintWriter out) {
        out.println();
        out.println("covariate balance (Stata tebalance summarize; * |std. diff.| > 0.1, ! variance ratio outside [0.5, 2]):");
        int width = 8;
        for (Object o : rows) {
            width = Math.max(width, String.valueOf(((Map<?, ?>) o).get("variable")).length());
        }
        String row = "%-8s %-" + width + "s %10s %11s %10s %11s %8s %9s%n";
        out.printf(Locale.ROOT, row, "contrast", "variable", "smd raw", "adjusted", "vr raw", "adjusted", "ks raw", "adjusted");
        for (Object o : rows) {
            Map<?, ?> m = (Map<?, ?>) o;
            out.printf(Locale.ROOT, row, m.get("contrast"), m.get("variable"), fixed(m.get("smd_raw")),
                    fixed(m.get("smd_adjusted")) + (Boolean.TRUE.equals(m.get("smd_flag")) ? " *" : "  "), fixed(m.get("vr_raw")),
                    fixed(m.get("vr_adjusted")) + (Boolean.TRUE.equals(m.get("vr_flag")) ? " !" : "  "), fixed(m.get("ks_raw")),
                    fixed(m.get("ks_adjusted")));
        }
        boolean byContrast = !counts.containsKey("raw");
        for (Map.Entry<?, ?> e : (byContrast ? counts : Map.of("", counts)).entrySet()) {
            Map<?, ?> c = (Map<?, ?>) e.getValue();
            out.printf(Locale.ROOT, "observations%s: raw %s, adjusted %s, effective %s (treated, control)%n",
                    byContrast ? " " + e.getKey() : "", pair(c.get("raw")), pair(c.get("adjusted")), pair(c.get("ess")));
        }
    }

    private static String fixed(Object v) {
        double d = ((Number) v).doubleValue();
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.4f", d) : ".";
    }

    private static String pair(Object v) {
        Map<?, ?> m = (Map<?, ?>) v;
        return String.format(Locale.ROOT, "%s, %s", count(m.get("treated")), count(m.get("control")));
    }

    private static String count(Object v) {
        return v instanceof Integer || v instanceof Long ? v.toString()
                : String.format(Locale.ROOT, "%.1f", ((Number) v).doubleValue());
    }

    /** About seven significant digits, without an exponent between 1e-4 and 1e9. */
    private static String text(double v) {
        if (!Double.isFinite(v)) {
            return ".";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e9 || a < 1e-4)) {
            return String.format(Locale.ROOT, "%.6e", v);
        }
        int decimals = a == 0 ? 0 : Math.max(0, Math.min(6, 6 - (int) Math.floor(Math.log10(a))));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return ".";
        }
        return p < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
