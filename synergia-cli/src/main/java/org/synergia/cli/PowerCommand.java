package org.synergia.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.synergia.measures.power.ArmLayout;
import org.synergia.measures.power.Contrast;
import org.synergia.measures.power.PowerDesign;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code synergia power}: minimum detectable effects (and, with {@code --effect}, power and the
 * sample needed) for two-arm or factorial designs, individually or cluster-randomised, including
 * the synergy (interaction) of a factorial design. A thin layer over
 * {@code org.synergia.measures.power.PowerDesign}.
 */
@Command(name = "power", mixinStandardHelpOptions = true,
        description = "Minimum detectable effects and power for two-arm and factorial (synergy) designs.")
public final class PowerCommand implements Callable<Integer> {

    @Mixin
    private GlobalOptions global;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Size size;

    /** Individuals or clusters. */
    static final class Size {
        @Option(names = "--n", paramLabel = "N", description = "total individuals (individually randomised)")
        Integer n;

        @ArgGroup(exclusive = false)
        Clusters clusters;
    }

    /** A clustered sample. */
    static final class Clusters {
        @Option(names = "--clusters", required = true, paramLabel = "J", description = "total clusters")
        int count;

        @Option(names = "--cluster-size", required = true, paramLabel = "M", description = "members sampled per cluster")
        double size;
    }

    @Option(names = "--arms", defaultValue = "2", description = "2 (control, treatment) or 4 (factorial: control, A, B, A+B)"
            + " (default: ${DEFAULT-VALUE})")
    private int arms;

    @Option(names = "--icc", defaultValue = "0", description = "intra-cluster correlation (default: ${DEFAULT-VALUE})")
    private double icc;

    @Option(names = "--r2", defaultValue = "0", description = "individual-level R2 of covariates (default: ${DEFAULT-VALUE})")
    private double r2;

    @Option(names = "--cluster-r2", defaultValue = "0", description = "cluster-level R2 of covariates (default: ${DEFAULT-VALUE})")
    private double clusterR2;

    @Option(names = "--treatment-r2", defaultValue = "0",
            description = "observational designs: R2 of treatment on covariates (default: ${DEFAULT-VALUE})")
    private double treatmentR2;

    @Option(names = "--attrition", defaultValue = "0", description = "share lost to follow-up (default: ${DEFAULT-VALUE})")
    private double attrition;

    @Option(names = "--alpha", defaultValue = "0.05", description = "two-sided test level (default: ${DEFAULT-VALUE})")
    private double alpha;

    @Option(names = "--power", defaultValue = "0.8", description = "target power (default: ${DEFAULT-VALUE})")
    private double power;

    @Option(names = "--sd", defaultValue = "1", description = "outcome SD; 1 gives effects in SD units (default: ${DEFAULT-VALUE})")
    private double sd;

    @Option(names = "--effect", paramLabel = "E", description = "an effect to assess: power and the sample needed")
    private Double effect;

    @Override
    public Integer call() {
        if (arms != 2 && arms != 4) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--arms must be 2 or 4, got " + arms);
        }
        ArmLayout layout = arms == 2 ? ArmLayout.TWO_ARM : ArmLayout.FACTORIAL;
        PowerDesign design = (size.n != null ? PowerDesign.individual(size.n)
                : PowerDesign.clustered(size.clusters.count, size.clusters.size))
                .withArms(layout).withIcc(icc).withR2(r2).withClusterR2(clusterR2).withTreatmentR2(treatmentR2)
                .withAttrition(attrition).withAlpha(alpha).withPower(power).withSd(sd);
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode doc = nodes.objectNode();
        doc.put("command", "power");
        ObjectNode d = doc.putObject("design");
        d.put("arms", arms);
        d.put("unit", size.n != null ? "individual" : "cluster");
        d.put("clusters", size.n != null ? size.n : size.clusters.count);
        d.put("cluster_size", size.n != null ? 1 : size.clusters.size);
        d.put("icc", icc);
        d.put("r2", r2);
        d.put("cluster_r2", clusterR2);
        d.put("treatment_r2", treatmentR2);
        d.put("attrition", attrition);
        d.put("alpha", alpha);
        d.put("power", power);
        d.put("sd", sd);
        d.put("df", design.degreesOfFreedom());
        ArrayNode rows = doc.putArray("contrasts");
        for (Contrast c : Contrast.values()) {
            if (c.layout() != layout) {
                continue;
            }
            ObjectNode row = rows.addObject();
            row.put("contrast", c.name().toLowerCase(Locale.ROOT));
            row.put("se", design.standardError(c));
            row.put("mde", design.mde(c));
            if (effect != null) {
                row.put("effect", effect);
                row.put("power_at_effect", design.power(c, effect));
                row.put(size.n != null ? "required_n" : "required_clusters", design.requiredClusters(c, Math.abs(effect)));
            }
        }
        ResultPrinter.putSoftware(doc);
        PrintWriter out = spec.commandLine().getOut();
        if (global.json()) {
            out.println(ResultPrinter.toJsonText(doc));
        } else {
            out.printf(Locale.ROOT, "%-22s %12s %12s%s%n", "contrast", "SE", "MDE", effect == null ? "" : "   power   needed");
            for (var row : rows) {
                out.printf(Locale.ROOT, "%-22s %12.5g %12.5g", row.get("contrast").asText(), row.get("se").asDouble(),
                        row.get("mde").asDouble());
                if (effect != null) {
                    out.printf(Locale.ROOT, " %7.3f %8d", row.get("power_at_effect").asDouble(),
                            row.get(size.n != null ? "required_n" : "required_clusters").asInt());
                }
                out.println();
            }
        }
        out.flush();
        return 0;
    }
}
