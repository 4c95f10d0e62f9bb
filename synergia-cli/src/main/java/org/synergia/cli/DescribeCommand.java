package org.synergia.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.synergia.data.Column;
import org.synergia.data.Dataset;
import org.synergia.data.MissingCodes;
import org.synergia.data.NumericColumn;
import org.synergia.data.UserMissingValues;
import org.synergia.data.ValueLabels;
import org.synergia.data.io.DatasetReaders;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code synergia describe --data FILE}: the variables of a data file with their storage types,
 * variable labels, value labels and missing-value counts (Stata's extended missing values and
 * SPSS user-missing values counted apart).
 */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Lists the variables of a data file: storage types, labels, value labels, missing counts.")
public final class DescribeCommand implements Callable<Integer> {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Mixin
    private GlobalOptions global;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "the data file: .csv, .tsv, .txt, .dta, .sav, .zsav or .parquet")
    private Path data;

    @Override
    public Integer call() {
        Dataset d = DatasetReaders.read(data);
        PrintWriter out = spec.commandLine().getOut();
        if (global.json()) {
            out.println(ResultPrinter.toJsonText(toJson(d, DataProvenance.sha256(data))));
        } else {
            printText(d, out);
        }
        out.flush();
        return 0;
    }

    /**
     * @param d the dataset
     * @param sha256 the file's hash
     * @return the JSON description
     */
    static ObjectNode toJson(Dataset d, String sha256) {
        ObjectNode doc = NODES.objectNode();
        doc.put("command", "describe");
        ObjectNode file = doc.putObject("data");
        file.put("file", d.name());
        file.put("sha256", sha256);
        file.put("rows", d.rowCount());
        file.put("variables", d.columnCount());
        file.put("label", d.label());
        ObjectNode meta = file.putObject("metadata");
        d.metadata().forEach(meta::put);
        ArrayNode vars = doc.putArray("variables");
        for (Column c : d.columns()) {
            ObjectNode v = vars.addObject();
            v.put("name", c.name());
            v.put("storage", c.storageName());
            v.put("type", c.type().name().toLowerCase(Locale.ROOT));
            v.put("format", c.format());
            v.put("label", c.label());
            v.put("missing", c.missingCount());
            if (c instanceof NumericColumn n) {
                int[] byCode = missingByCode(n);
                ObjectNode ext = NODES.objectNode();
                for (int code = 1; code <= MissingCodes.LAST; code++) {
                    if (byCode[code] > 0) {
                        ext.put(MissingCodes.name(code), byCode[code]);
                    }
                }
                if (!ext.isEmpty()) {
                    v.set("extended_missing", ext);
                }
                if (n.userMissing() != UserMissingValues.NONE) {
                    v.put("user_missing", n.userMissing().toString());
                    v.put("user_missing_count", byCode[MissingCodes.LAST + 1]);
                }
                ValueLabels vl = n.valueLabels();
                if (!vl.isEmpty()) {
                    ObjectNode labels = v.putObject("value_labels");
                    labels.put("name", vl.name());
                    ArrayNode entries = labels.putArray("labels");
                    for (int i = 0; i < vl.size(); i++) {
                        entries.addObject().put("value", vl.value(i)).put("label", vl.label(i));
                    }
                    for (int code = 0; code <= MissingCodes.LAST; code++) {
                        if (vl.missingLabel(code) != null) {
                            entries.addObject().put("value", MissingCodes.name(code)).put("label", vl.missingLabel(code));
                        }
                    }
                }
            }
        }
        ResultPrinter.putSoftware(doc);
        return doc;
    }

    /** Counts of missing values by Stata code (0..26), then SPSS user-missing values (index 27). */
    private static int[] missingByCode(NumericColumn n) {
        int[] counts = new int[MissingCodes.LAST + 2];
        if (n.missingCount() == 0) {
            return counts;
        }
        for (int r = 0; r < n.size(); r++) {
            int code = n.missingCode(r);
            if (code >= 0) {
                counts[code]++;
            } else if (n.isUserMissing(r)) {
                counts[MissingCodes.LAST + 1]++;
            }
        }
        return counts;
    }

    private static void printText(Dataset d, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: %d observations, %d variables%s%n", d.name(), d.rowCount(), d.columnCount(),
                d.metadata().containsKey("format") ? " (" + describeFormat(d) + ")" : "");
        if (!d.label().isEmpty()) {
            out.println("label: " + d.label());
        }
        int nameWidth = 8;
        for (Column c : d.columns()) {
            nameWidth = Math.max(nameWidth, c.name().length());
        }
        String row = "%-" + nameWidth + "s  %-8s %-11s %-10s %-16s %s%n";
        out.println();
        out.printf(Locale.ROOT, row, "variable", "storage", "type", "format", "missing", "label");
        out.println("-".repeat(nameWidth + 2 + 9 + 12 + 11 + 9 + 2 + 20));
        for (Column c : d.columns()) {
            String missing = Integer.toString(c.missingCount());
            if (c instanceof NumericColumn n && n.missingCount() > 0) {
                int[] byCode = missingByCode(n);
                StringBuilder detail = new StringBuilder();
                for (int code = 1; code <= MissingCodes.LAST; code++) {
                    if (byCode[code] > 0) {
                        detail.append(detail.length() == 0 ? "" : ", ").append(MissingCodes.name(code)).append(':')
                                .append(byCode[code]);
                    }
                }
                if (byCode[MissingCodes.LAST + 1] > 0) {
                    detail.append(detail.length() == 0 ? "" : ", ").append("user:").append(byCode[MissingCodes.LAST + 1]);
                }
                if (detail.length() > 0) {
                    missing += " (" + detail + ")";
                }
            }
            out.printf(Locale.ROOT, row, c.name(), c.storageName(), c.type().name().toLowerCase(Locale.ROOT),
                    c.format(), missing, c.label());
        }
        boolean header = false;
        for (Column c : d.columns()) {
            if (c instanceof NumericColumn n && (!n.valueLabels().isEmpty() || n.userMissing() != UserMissingValues.NONE)) {
                if (!header) {
                    out.println();
                    out.println("value labels and missing-value specifications:");
                    header = true;
                }
                ValueLabels vl = n.valueLabels();
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < vl.size(); i++) {
                    s.append(i == 0 ? "" : "; ").append(NumericColumn.formatNumber(vl.value(i))).append(" = ")
                            .append(vl.label(i));
                }
                for (int code = 0; code <= MissingCodes.LAST; code++) {
                    if (vl.missingLabel(code) != null) {
                        s.append(s.length() == 0 ? "" : "; ").append(MissingCodes.name(code)).append(" = ")
                                .append(vl.missingLabel(code));
                    }
                }
                if (n.userMissing() != UserMissingValues.NONE) {
                    s.append(s.length() == 0 ? "" : "; ").append("user-missing: ").append(n.userMissing());
                }
                out.printf(Locale.ROOT, "  %s%s: %s%n", n.name(), vl.name().isEmpty() || vl.name().equals(n.name())
                        ? "" : " (" + vl.name() + ")", s);
            }
        }
    }

    private static String describeFormat(Dataset d) {
        String f = d.metadata().get("format");
        return switch (f) {
            case "dta" -> "Stata .dta format " + d.metadata().get("release") + ", " + d.metadata().get("byteorder");
            case "csv" -> "delimited text, " + d.metadata().get("encoding");
            case "sav" -> "SPSS system file, " + d.metadata().get("compression") + " compression, "
                    + d.metadata().get("encoding");
            case "parquet" -> "Parquet";
            default -> f;
        };
    }
}
