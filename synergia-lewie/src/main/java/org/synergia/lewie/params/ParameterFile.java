package org.synergia.lewie.params;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.synergia.data.InputException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads and writes LEWIE parameter files, YAML or JSON (JSON is read as YAML). The format is
 * documented in {@code docs/lewie.md}; a share is written as a number (known exactly),
 * {@code [value, se]} or {@code {value: v, se: s}}; an elasticity as a number or {@code .inf} /
 * {@code "inf"}. Unknown keys are refused, so that a misspelt key is not silently ignored.
 */
public final class ParameterFile {

    private static final Set<String> TOP = Set.of("name", "currency", "constrained_elasticity", "goods", "factors",
            "groups", "activities");
    private static final Set<String> GOOD = Set.of("name", "market");
    private static final Set<String> FACTOR = Set.of("name", "market", "elasticity");
    private static final Set<String> GROUP = Set.of("name", "village", "households", "expenditure", "budget_shares",
            "subsistence", "savings", "outside", "transfers_out", "factor_income");
    private static final Set<String> ACTIVITY = Set.of("group", "good", "output", "factor_shares",
            "intermediate_shares", "liquidity");
    private static final Set<String> LIQUIDITY = Set.of("shadow_price", "transfer_share");

    private ParameterFile() {
    }

    /**
     * Reads a parameter file.
     *
     * @param file a YAML or JSON file
     * @return the parameters
     * @throws InputException when the file cannot be read or is malformed
     */
    public static LewieParameters read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        } catch (IOException e) {
            throw new InputException("cannot read LEWIE parameter file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The bundled example: a Lesotho-like economy with four groups (CGP-eligible and ineligible,
     * treated and control villages) and eight goods, with illustrative numbers.
     *
     * @return the example's parameters
     */
    public static LewieParameters lesothoExample() {
        String resource = "/org/synergia/lewie/lesotho-example.yaml";
        try (java.io.InputStream in = ParameterFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled example " + resource + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "lesotho-example.yaml");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled example " + resource, e);
        }
    }

    /**
     * Parses parameters from text.
     *
     * @param text YAML or JSON
     * @param source a name for the text, used in error messages
     * @return the parameters
     * @throws InputException when the text is malformed
     */
    public static LewieParameters parse(String text, String source) {
        return parse(new StringReader(text), source);
    }

    private static LewieParameters parse(Reader reader, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (YAMLException e) {
            throw new InputException("LEWIE parameter file " + source + " is not valid YAML or JSON: "
                    + e.getMessage().replace('\n', ' '), e);
        }
        Node top = new Node(source, "", root);
        Map<String, Object> m = top.map(TOP);
        List<LewieParameters.Good> goods = new ArrayList<>();
        for (Node n : top.list("goods", true)) {
            n.map(GOOD);
            goods.add(new LewieParameters.Good(n.string("name", null),
                    n.choice("market", GoodMarket.class, GoodMarket.ZONE)));
        }
        List<LewieParameters.Factor> factors = new ArrayList<>();
        for (Node n : top.list("factors", true)) {
            n.map(FACTOR);
            factors.add(new LewieParameters.Factor(n.string("name", null),
                    n.choice("market", FactorMarket.class, FactorMarket.ZONE),
                    n.number("elasticity", Double.POSITIVE_INFINITY)));
        }
        List<LewieParameters.Group> groups = new ArrayList<>();
        for (Node n : top.list("groups", true)) {
            n.map(GROUP);
            groups.add(new LewieParameters.Group(n.string("name", null), n.string("village", "zone"),
                    n.number("households", Double.NaN), n.number("expenditure", Double.NaN),
                    n.shares("budget_shares", true), n.numbers("subsistence"), n.share("savings"),
                    n.share("outside"), n.share("transfers_out"), n.numbers("factor_income")));
        }
        List<LewieParameters.Activity> activities = new ArrayList<>();
        for (Node n : top.list("activities", true)) {
            n.map(ACTIVITY);
            LewieParameters.Liquidity liquidity = null;
            Node l = n.child("liquidity");
            if (l.value != null) {
                l.map(LIQUIDITY);
                liquidity = new LewieParameters.Liquidity(l.number("shadow_price", Double.NaN),
                        l.number("transfer_share", 0));
            }
            activities.add(new LewieParameters.Activity(n.string("group", null), n.string("good", null),
                    n.number("output", Double.NaN), n.shares("factor_shares", true),
                    n.shares("intermediate_shares", false), liquidity));
        }
        return new LewieParameters(top.string("name", "LEWIE"), top.string("currency", ""), goods, factors, groups,
                activities, top.number("constrained_elasticity", LewieParameters.DEFAULT_CONSTRAINED_ELASTICITY));
    }

    /**
     * Writes parameters as YAML that {@link #read} reads back to equal parameters.
     *
     * @param parameters the parameters
     * @param file the file to write
     * @throws InputException when the file cannot be written
     */
    public static void write(LewieParameters parameters, Path file) {
        try {
            Files.writeString(file, toYaml(parameters), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("cannot write LEWIE parameter file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param p the parameters
     * @return them as YAML text
     */
    public static String toYaml(LewieParameters p) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("name", p.name());
        top.put("currency", p.currency());
        top.put("constrained_elasticity", p.constrainedElasticity());
        List<Object> goods = new ArrayList<>();
        for (LewieParameters.Good g : p.goods()) {
            goods.add(ordered("name", g.name(), "market", g.market().name().toLowerCase(Locale.ROOT)));
        }
        top.put("goods", goods);
        List<Object> factors = new ArrayList<>();
        for (LewieParameters.Factor f : p.factors()) {
            Map<String, Object> m = ordered("name", f.name(), "market", f.market().name().toLowerCase(Locale.ROOT));
            if (f.market() != FactorMarket.FIXED) {
                m.put("elasticity", Double.isInfinite(f.elasticity()) ? "inf" : f.elasticity());
            }
            factors.add(m);
        }
        top.put("factors", factors);
        List<Object> groups = new ArrayList<>();
        for (LewieParameters.Group g : p.groups()) {
            Map<String, Object> m = ordered("name", g.name(), "village", g.village());
            m.put("households", g.households());
            m.put("expenditure", g.expenditure());
            m.put("budget_shares", shares(g.budgetShares()));
            if (!g.subsistence().isEmpty()) {
                m.put("subsistence", new LinkedHashMap<>(g.subsistence()));
            }
            m.put("savings", share(g.savings()));
            m.put("outside", share(g.outside()));
            m.put("transfers_out", share(g.transfersOut()));
            if (!g.factorIncome().isEmpty()) {
                m.put("factor_income", new LinkedHashMap<>(g.factorIncome()));
            }
            groups.add(m);
        }
        top.put("groups", groups);
        List<Object> activities = new ArrayList<>();
        for (LewieParameters.Activity a : p.activities()) {
            Map<String, Object> m = ordered("group", a.group(), "good", a.good());
            m.put("output", a.output());
            m.put("factor_shares", shares(a.factorShares()));
            if (!a.intermediateShares().isEmpty()) {
                m.put("intermediate_shares", shares(a.intermediateShares()));
            }
            if (a.liquidity() != null) {
                m.put("liquidity", ordered("shadow_price", a.liquidity().shadowPrice(), "transfer_share",
                        a.liquidity().transferShare()));
            }
            activities.add(m);
        }
        top.put("activities", activities);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        return new Yaml(new Representer(options), options).dump(top);
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static Map<String, Object> shares(Map<String, Share> shares) {
        Map<String, Object> m = new LinkedHashMap<>();
        shares.forEach((k, v) -> m.put(k, share(v)));
        return m;
    }

    private static Object share(Share s) {
        return s.se() == 0 ? (Object) s.value() : List.of(s.value(), s.se());
    }

    /** A value in the parsed tree, with its path for error messages. */
    private static final class Node {
        final String source;
        final String path;
        final Object value;

        Node(String source, String path, Object value) {
            this.source = source;
            this.path = path;
            this.value = value;
        }

        InputException error(String what) {
            return new InputException("LEWIE parameter file " + source + (path.isEmpty() ? "" : ", " + path) + ": "
                    + what + " (see docs/lewie.md for the format)");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(Set<String> allowed) {
            if (!(value instanceof Map)) {
                throw error("expected a mapping of keys to values");
            }
            Map<String, Object> m = (Map<String, Object>) value;
            for (Object key : m.keySet()) {
                if (!allowed.contains(String.valueOf(key))) {
                    throw error("unknown key '" + key + "'; allowed keys are " + String.join(", ", allowed.stream()
                            .sorted().toList()));
                }
            }
            return m;
        }

        Node child(String key) {
            @SuppressWarnings("unchecked")
            Object v = value instanceof Map ? ((Map<String, Object>) value).get(key) : null;
            return new Node(source, path.isEmpty() ? key : path + "." + key, v);
        }

        List<Node> list(String key, boolean required) {
            Node c = child(key);
            if (c.value == null) {
                if (required) {
                    throw c.error("missing; give a list");
                }
                return List.of();
            }
            if (!(c.value instanceof List<?> l)) {
                throw c.error("expected a list");
            }
            List<Node> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                out.add(new Node(source, c.path + "[" + i + "]", l.get(i)));
            }
            return out;
        }

        String string(String key, String fallback) {
            Node c = child(key);
            if (c.value == null) {
                if (fallback == null) {
                    throw c.error("missing");
                }
                return fallback;
            }
            return String.valueOf(c.value);
        }

        <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
            Node c = child(key);
            if (c.value == null) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, String.valueOf(c.value).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw c.error("'" + c.value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants())
                        .toLowerCase(Locale.ROOT));
            }
        }

        double number(String key, double fallback) {
            return child(key).asNumber(fallback);
        }

        double asNumber(double fallback) {
            if (value == null) {
                if (Double.isNaN(fallback)) {
                    throw error("missing; give a number");
                }
                return fallback;
            }
            if (value instanceof Number n) {
                return n.doubleValue();
            }
            String s = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
            if (s.equals("inf") || s.equals(".inf") || s.equals("infinity") || s.equals("infinite")) {
                return Double.POSITIVE_INFINITY;
            }
            throw error("'" + value + "' is not a number");
        }

        Share share(String key) {
            return child(key).asShare();
        }

        Share asShare() {
            if (value instanceof List<?> l) {
                if (l.size() != 2) {
                    throw error("a share with its standard error is written [value, se]");
                }
                return new Share(new Node(source, path + "[0]", l.get(0)).asNumber(Double.NaN),
                        new Node(source, path + "[1]", l.get(1)).asNumber(Double.NaN));
            }
            if (value instanceof Map) {
                map(Set.of("value", "se"));
                return new Share(child("value").asNumber(Double.NaN), child("se").asNumber(0));
            }
            return Share.exact(asNumber(Double.NaN));
        }

        Map<String, Share> shares(String key, boolean required) {
            Node c = child(key);
            Map<String, Share> out = new LinkedHashMap<>();
            if (c.value == null) {
                if (required) {
                    throw c.error("missing; give a mapping of names to shares");
                }
                return out;
            }
            for (Object k : c.map(Set.copyOf(keys(c))).keySet()) {
                Share s = c.child(String.valueOf(k)).asShare();
                if (!(s.se() >= 0)) {
                    throw c.child(String.valueOf(k)).error("standard error " + s.se() + " must be zero or positive");
                }
                out.put(String.valueOf(k), s);
            }
            return out;
        }

        Map<String, Double> numbers(String key) {
            Node c = child(key);
            Map<String, Double> out = new LinkedHashMap<>();
            if (c.value == null) {
                return out;
            }
            for (Object k : c.map(Set.copyOf(keys(c))).keySet()) {
                out.put(String.valueOf(k), c.child(String.valueOf(k)).asNumber(Double.NaN));
            }
            return out;
        }

        private static List<String> keys(Node c) {
            if (!(c.value instanceof Map<?, ?> m)) {
                throw c.error("expected a mapping of names to values");
            }
            return m.keySet().stream().map(String::valueOf).toList();
        }
    }
}
