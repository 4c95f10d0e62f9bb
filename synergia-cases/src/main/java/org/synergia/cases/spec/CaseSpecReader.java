package org.synergia.cases.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.synergia.cases.spec.AnalysisSpec.Estimand;
import org.synergia.cases.spec.AnalysisSpec.Subgroups;
import org.synergia.cases.spec.AnalysisSpec.Synergy;
import org.synergia.cases.spec.CaseSpec.DataSource;
import org.synergia.cases.spec.CaseSpec.Design;
import org.synergia.cases.spec.CaseSpec.Group;
import org.synergia.cases.spec.CaseSpec.MultipleTesting;
import org.synergia.cases.spec.CaseSpec.Programme;
import org.synergia.cases.spec.CaseSpec.ProgrammeType;
import org.synergia.cases.spec.CaseSpec.Region;
import org.synergia.cases.spec.Institutional.Actor;
import org.synergia.cases.spec.Institutional.Direction;
import org.synergia.cases.spec.Institutional.Factor;
import org.synergia.cases.spec.Institutional.Level;
import org.synergia.cases.spec.Institutional.Mechanism;
import org.synergia.cases.spec.Institutional.MechanismType;
import org.synergia.cases.spec.Institutional.Sector;
import org.synergia.cases.spec.OutcomeSpec.Domain;
import org.synergia.cases.spec.OutcomeSpec.Indicator;
import org.synergia.cases.spec.OutcomeSpec.OutcomeSimulation;
import org.synergia.cases.spec.SimulationSpec.Assignment;
import org.synergia.cases.spec.SimulationSpec.AssignmentKind;
import org.synergia.data.InputException;
import org.synergia.stats.estimator.Estimator;
import org.synergia.stats.estimator.EstimatorOption;
import org.synergia.stats.estimator.Estimators;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and validates case specifications. Every problem is reported as an
 * {@link InputException} naming the file, the key and the fix; unknown keys are refused so that a
 * typo never silently changes an analysis.
 */
public final class CaseSpecReader {

    /** Estimators that fit within subgroups on the command line, whose plan analyses cannot store subgroups yet. */
    private static final Set<String> NO_PLAN_SUBGROUPS = Set.of("did", "rd");

    private static final Map<String, List<String>> REQUIRED_OPTIONS = Map.of(
            "did", List.of("time", "id"),
            "rd", List.of("running", "cutoff"),
            "saturation", List.of("saturation"));

    /** Which direction of an outcome means households are better off. */
    private enum Better { HIGHER, LOWER }

    private CaseSpecReader() {}

    /**
     * Reads a specification file.
     *
     * @param file the YAML file
     * @return the validated specification
     */
    public static CaseSpec read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read the case specification (" + e.getMessage() + ")", e);
        }
        return parse(file.toString(), bytes);
    }

    /**
     * Reads a specification bundled with Synergia.
     *
     * @param caseId the case identifier
     * @return the validated specification
     */
    public static CaseSpec bundled(String caseId) {
        String resource = "/cases/" + caseId + ".yaml";
        try (InputStream in = CaseSpecReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new InputException("unknown case '" + caseId + "'; the cases are " + String.join(", ", CaseCatalogue.IDS));
            }
            return parse(caseId + ".yaml", in.readAllBytes());
        } catch (IOException e) {
            throw new InputException(resource + ": cannot read the bundled case specification", e);
        }
    }

    /**
     * Parses specification text.
     *
     * @param name the file's name, for messages
     * @param bytes its UTF-8 content
     * @return the validated specification
     */
    public static CaseSpec parse(String name, byte[] bytes) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(new String(bytes, StandardCharsets.UTF_8));
        } catch (YAMLException e) {
            throw new InputException(name + ": not valid YAML: " + e.getMessage().replace('\n', ' '), e);
        }
        if (root == null) {
            throw new InputException(name + ": the file is empty; a case specification starts with 'id:'");
        }
        SpecNode top = new SpecNode(name, "", root);
        top.allowOnly("id", "country", "region", "title", "summary", "programmes", "design", "data", "simulation",
                "outcomes", "plan", "multiple_testing", "local_economy", "institutional", "findings", "recommendations", "sources");
        String id = top.string("id");
        Design design = design(top.child("design"));
        List<OutcomeSpec> outcomes = top.mapOptList("outcomes", CaseSpecReader::outcome);
        List<AnalysisSpec> plan = top.mapOptList("plan", CaseSpecReader::analysis);
        CaseSpec spec = new CaseSpec(
                id,
                top.nameText("country"),
                top.enumValue("region", Region.class),
                top.text("title"),
                top.text("summary"),
                top.mapList("programmes", CaseSpecReader::programme),
                design,
                dataSource(top.optChild("data")),
                Optional.ofNullable(top.optChild("simulation")).map(CaseSpecReader::simulation),
                outcomes,
                plan,
                top.optEnum("multiple_testing", MultipleTesting.class, MultipleTesting.ANDERSON),
                Optional.ofNullable(top.optChild("local_economy")).map(CaseSpecReader::localEconomy),
                institutional(top.child("institutional")),
                top.optTexts("findings"),
                top.optTexts("recommendations"),
                top.optStrings("sources"),
                name,
                sha256(bytes));
        crossCheck(top, spec);
        return spec;
    }

    private static Programme programme(SpecNode n) {
        n.allowOnly("id", "name", "type", "institution", "description");
        return new Programme(n.string("id"), n.string("name"), n.enumValue("type", ProgrammeType.class),
                n.string("institution"), n.text("description"));
    }

    private static Design design(SpecNode n) {
        n.allowOnly("method", "description", "groups", "households", "clusters", "areas", "qualitative");
        return new Design(n.text("method"), n.text("description"), n.mapOptList("groups", CaseSpecReader::group),
                n.optInteger("households", 0), n.optInteger("clusters", 0), n.optStrings("areas"), n.optText("qualitative"));
    }

    private static Group group(SpecNode n) {
        n.allowOnly("code", "id", "label", "programmes");
        return new Group(n.integer("code"), n.string("id"), n.text("label"), n.optStrings("programmes"));
    }

    private static DataSource dataSource(SpecNode n) {
        if (n == null) {
            return new DataSource(Optional.empty(), Map.of());
        }
        n.allowOnly("file", "mapping");
        Map<String, String> mapping = new LinkedHashMap<>();
        SpecNode m = n.optChild("mapping");
        if (m != null) {
            for (String k : m.keys()) {
                mapping.put(k, m.string(k));
            }
        }
        return new DataSource(Optional.ofNullable(n.optString("file", null)), Map.copyOf(mapping));
    }

    private static SimulationSpec simulation(SpecNode n) {
        n.allowOnly("seed", "households", "clusters", "icc", "areas", "profile", "assignment");
        SpecNode a = n.child("assignment");
        a.allowOnly("kind", "shares", "selection", "settings");
        Assignment assignment = new Assignment(a.enumValue("kind", AssignmentKind.class), codeMap(a.optChild("shares")),
                a.numbers("selection"), a.numbers("settings"));
        double icc = n.optNumber("icc", 0.1);
        if (icc < 0 || icc >= 1) {
            throw n.child("icc").error("the intra-cluster correlation must be in [0, 1)");
        }
        return new SimulationSpec(n.optInteger("seed", 1), n.integer("households"), n.integer("clusters"), icc,
                n.optStrings("areas"), n.numbers("profile"), assignment);
    }

    private static Map<Integer, Double> codeMap(SpecNode n) {
        if (n == null) {
            return Map.of();
        }
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (String k : n.keys()) {
            try {
                out.put(Integer.parseInt(k.trim()), n.child(k).asDouble());
            } catch (NumberFormatException e) {
                throw n.error("keys must be group codes (whole numbers), found '" + k + "'");
            }
        }
        return Map.copyOf(out);
    }

    private static OutcomeSpec outcome(SpecNode n) {
        n.allowOnly("id", "domain", "label", "unit", "indicator", "better", "simulate");
        SpecNode s = n.optChild("simulate");
        OutcomeSimulation sim;
        if (s == null) {
            sim = new OutcomeSimulation(0, 1, Map.of(), 0.3);
        } else {
            s.allowOnly("mean", "sd", "effects", "r2");
            double r2 = s.optNumber("r2", 0.3);
            if (r2 < 0 || r2 >= 1) {
                throw s.child("r2").error("the share explained by covariates must be in [0, 1)");
            }
            sim = new OutcomeSimulation(s.optNumber("mean", 0), s.optNumber("sd", 1), codeMap(s.optChild("effects")), r2);
        }
        Optional<Indicator> indicator = Optional.ofNullable(n.optChild("indicator")).map(i -> i.asEnum(Indicator.class));
        boolean higherIsBetter = n.optEnum("better", Better.class, indicator.map(i -> i.higherIsBetter() ? Better.HIGHER : Better.LOWER)
                .orElse(Better.HIGHER)) == Better.HIGHER;
        return new OutcomeSpec(n.string("id"), n.enumValue("domain", Domain.class), n.text("label"), n.optNameText("unit"),
                indicator, higherIsBetter, sim);
    }

    private static AnalysisSpec analysis(SpecNode n) {
        n.allowOnly("id", "estimator", "title", "outcomes", "treatment", "covariates", "control", "arms", "estimand",
                "synergy", "cluster", "weights", "subgroup", "synthesis", "options");
        String estimator = n.string("estimator");
        Estimator registered = Estimators.installed().find(estimator).orElseThrow(() -> n.child("estimator").error("estimator '"
                + estimator + "' is not one of the registered estimators ("
                + String.join(", ", Estimators.installed().all().stream().map(Estimator::name).toList()) + "); fix the name"));
        Optional<Synergy> synergy = Optional.ofNullable(n.optChild("synergy")).map(CaseSpecReader::synergy);
        Map<String, String> options = new LinkedHashMap<>();
        SpecNode o = n.optChild("options");
        if (o != null) {
            for (String k : o.keys()) {
                if (!registered.accepts(k)) {
                    throw o.child(k).error("estimator " + estimator + " has no option '" + k + "'; its options are "
                            + String.join(", ", registered.options().stream().filter(x -> !x.hidden()).map(x -> x.name()).toList()));
                }
                options.put(k, o.string(k));
            }
        }
        Optional<Subgroups> subgroup = subgroups(n, options);
        if (subgroup.isPresent() && !withinSubgroups(registered)) {
            throw n.error("estimator " + estimator + " is not estimated within subgroups in a plan; the estimators that"
                    + " are: " + String.join(", ", Estimators.installed().all().stream().filter(CaseSpecReader::withinSubgroups)
                    .map(Estimator::name).toList()) + "; remove 'subgroup:' or change the estimator");
        }
        for (String required : REQUIRED_OPTIONS.getOrDefault(estimator, List.of())) {
            if (!options.containsKey(required)) {
                throw n.error("estimator " + estimator + " needs options." + required + "; add it under 'options:'");
            }
        }
        List<String> outcomes = n.list("outcomes").stream().map(SpecNode::asString).toList();
        if (outcomes.isEmpty()) {
            throw n.child("outcomes").error("an analysis needs at least one outcome");
        }
        return new AnalysisSpec(n.string("id"), estimator, n.optText("title"), outcomes, n.string("treatment"),
                n.optStrings("covariates"), n.optInteger("control", 0),
                n.optList("arms").stream().map(SpecNode::asInt).toList(),
                n.optEnum("estimand", Estimand.class, Estimand.ATE), synergy,
                Optional.ofNullable(n.optString("cluster", null)), Optional.ofNullable(n.optString("weights", null)), subgroup,
                Optional.ofNullable(n.optChild("synthesis")).map(c -> c.asEnum(AnalysisSpec.Comparison.class)), Map.copyOf(options));
    }

    private static boolean withinSubgroups(Estimator e) {
        return e.accepts("by") && !NO_PLAN_SUBGROUPS.contains(e.name());
    }

    /**
     * The analysis's {@code subgroup:}, a variable name or {@code {variable: V, labels: {LEVEL: {en, es, fr}}}}; an
     * estimator option naming the subgroup ({@code options.subgroup} or {@code options.by}) is read as the same and
     * taken out of the options.
     */
    private static Optional<Subgroups> subgroups(SpecNode n, Map<String, String> options) {
        SpecNode g = n.optChild("subgroup");
        List<String> optionNames = options.keySet().stream().filter(k -> k.equals("by") || k.equals(EstimatorOption.SUBGROUP)).toList();
        if (g != null && !optionNames.isEmpty() || optionNames.size() > 1) {
            throw n.error("the subgroup is given twice (subgroup and options." + String.join(", options.", optionNames)
                    + "); keep only 'subgroup:'");
        }
        if (!optionNames.isEmpty()) {
            return Optional.of(new Subgroups(options.remove(optionNames.get(0)), Map.of()));
        }
        if (g == null) {
            return Optional.empty();
        }
        if (!g.isMapping()) {
            return Optional.of(new Subgroups(g.asString(), Map.of()));
        }
        g.allowOnly("variable", "labels");
        Map<Double, Text> labels = new LinkedHashMap<>();
        SpecNode l = g.optChild("labels");
        if (l != null) {
            for (String level : l.keys()) {
                try {
                    labels.put(Double.parseDouble(level) + 0.0, l.child(level).asNameText());
                } catch (NumberFormatException e) {
                    throw l.child(level).error("a subgroup label is keyed by the variable's numeric level; found '" + level + "'");
                }
            }
        }
        return Optional.of(new Subgroups(g.string("variable"), labels));
    }

    private static Synergy synergy(SpecNode n) {
        String raw = n.asString().replace(" ", "");
        String[] sides = raw.split("=");
        String[] parts = sides.length == 2 ? sides[1].split("\\+") : new String[0];
        try {
            if (parts.length == 2) {
                return new Synergy(Integer.parseInt(sides[0]), Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw n.error("write the synergy contrast as BOTH=A+B with group codes, e.g. 3=1+2; found '" + raw + "'");
    }

    private static LocalEconomySpec localEconomy(SpecNode n) {
        n.allowOnly("households_per_group", "clusters_per_group", "transfer_group", "transfer_per_household", "shock", "draws");
        SpecNode s = n.optChild("shock");
        Optional<LocalEconomySpec.Shock> shock = Optional.empty();
        if (s != null) {
            s.allowOnly("good", "group", "analysis", "outcome", "term", "base_group");
            shock = Optional.of(new LocalEconomySpec.Shock(s.string("good"), s.string("group"), s.string("analysis"),
                    s.string("outcome"), s.string("term"), s.integer("base_group")));
        }
        return new LocalEconomySpec(n.optInteger("households_per_group", 500), n.optInteger("clusters_per_group", 25),
                n.string("transfer_group"), n.number("transfer_per_household"), shock, n.optInteger("draws", 200));
    }

    private static Institutional institutional(SpecNode n) {
        n.allowOnly("summary", "actors", "mechanisms", "facilitators", "obstacles");
        return new Institutional(n.text("summary"), n.mapList("actors", a -> {
            a.allowOnly("name", "level", "sector", "role");
            return new Actor(a.string("name"), a.enumValue("level", Level.class), a.enumValue("sector", Sector.class), a.text("role"));
        }), n.mapList("mechanisms", m -> {
            m.allowOnly("type", "direction", "description", "actors");
            return new Mechanism(m.enumValue("type", MechanismType.class), m.enumValue("direction", Direction.class),
                    m.text("description"), m.optStrings("actors"));
        }), n.mapList("facilitators", CaseSpecReader::factor), n.mapList("obstacles", CaseSpecReader::factor));
    }

    private static Factor factor(SpecNode n) {
        n.allowOnly("text", "evidence");
        return new Factor(n.text("text"), n.string("evidence"));
    }

    /** Checks the references between sections: outcomes, groups and actors named where they are used. */
    private static void crossCheck(SpecNode top, CaseSpec spec) {
        Set<Integer> codes = new HashSet<>();
        for (Group g : spec.design().groups()) {
            if (!codes.add(g.code())) {
                throw top.child("design").error("group code " + g.code() + " is used twice; give each group its own code");
            }
        }
        Set<String> programmeIds = new HashSet<>();
        spec.programmes().forEach(p -> programmeIds.add(p.id()));
        List<SpecNode> groupNodes = top.child("design").optList("groups");
        for (int i = 0; i < spec.design().groups().size(); i++) {
            for (String p : spec.design().groups().get(i).programmes()) {
                if (!programmeIds.contains(p)) {
                    throw groupNodes.get(i).error("programme '" + p + "' is not among programmes; use one of " + programmeIds);
                }
            }
        }
        Set<String> outcomeIds = new HashSet<>();
        for (OutcomeSpec o : spec.outcomes()) {
            if (!outcomeIds.add(o.id())) {
                throw top.child("outcomes").error("outcome '" + o.id() + "' is listed twice");
            }
        }
        Set<String> actorNames = new HashSet<>();
        spec.institutional().actors().forEach(a -> actorNames.add(a.name()));
        List<SpecNode> mechanisms = top.child("institutional").list("mechanisms");
        for (int i = 0; i < mechanisms.size(); i++) {
            for (String actor : spec.institutional().mechanisms().get(i).actors()) {
                if (!actorNames.contains(actor)) {
                    throw mechanisms.get(i).error("actor '" + actor + "' is not among institutional.actors; add it there or fix the name");
                }
            }
        }
        List<SpecNode> planNodes = top.optList("plan");
        Set<String> analysisIds = new HashSet<>();
        for (int i = 0; i < spec.plan().size(); i++) {
            AnalysisSpec a = spec.plan().get(i);
            SpecNode node = planNodes.get(i);
            if (!analysisIds.add(a.id())) {
                throw node.error("analysis id '" + a.id() + "' is used twice; give each analysis its own id");
            }
            for (String o : a.outcomes()) {
                if (!outcomeIds.contains(o)) {
                    throw node.child("outcomes").error("outcome '" + o + "' is not among the case's outcomes; add it under 'outcomes:' or fix the name");
                }
            }
            List<Integer> referenced = new ArrayList<>(a.arms());
            if (!a.estimator().equals("dose") && !a.estimator().equals("rd")) {
                referenced.add(a.control());
            }
            a.synergy().ifPresent(s -> referenced.addAll(List.of(s.both(), s.a(), s.b(), a.control())));
            for (int code : referenced) {
                if (!codes.contains(code)) {
                    throw node.error("group code " + code + " is not among design.groups; use one of " + codes);
                }
            }
        }
        if (!spec.plan().isEmpty() && spec.data().simulated() && spec.simulation().isEmpty()) {
            throw top.error("the case has an analysis plan but neither data.file nor a simulation section; add one of them");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
