package org.synergia.stats.estimator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.synergia.data.InputException;
import org.synergia.stats.formula.Formula;

/**
 * The option values of one estimation, checked against the estimator's {@link EstimatorOption}s:
 * every name is one of them (or an alias), every required one is given, one of each
 * {@link Estimator#exactlyOneOf()} group is given, every value has its kind. Values are
 * kept as typed, defaults filled in on reading. Also carries the run's worker threads and seed.
 * Immutable.
 *
 * <p>{@code EstimatorOptions o = EstimatorOptions.of(ipw, Map.of("outcome", "re78", "treatment-model", "treat ~ age"));}
 */
public final class EstimatorOptions {

    private final Estimator estimator;
    private final Map<String, String> given;
    private final int threads;
    private final long seed;

    private EstimatorOptions(Estimator estimator, Map<String, String> given, int threads, long seed) {
        this.estimator = estimator;
        this.given = given;
        this.threads = threads;
        this.seed = seed;
    }

    /**
     * @param estimator the estimator
     * @param given the options given, by name, as typed (null values are not given)
     * @return them, checked
     * @throws InputException naming the option and the fix when one is unknown, missing or of the wrong kind
     */
    public static EstimatorOptions of(Estimator estimator, Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> g : given.entrySet()) {
            if (g.getValue() == null) {
                continue;
            }
            EstimatorOption o = find(estimator, g.getKey()).orElseThrow(() -> new InputException(estimator.name()
                    + " has no option '" + g.getKey() + "'; its options are " + names(estimator)));
            check(estimator, o, g.getValue());
            values.put(o.name(), g.getValue());
        }
        for (EstimatorOption o : estimator.options()) {
            if (o.required() && !values.containsKey(o.name())) {
                throw new InputException(estimator.name() + " needs the option '" + o.name() + "' (" + o.describe() + ")");
            }
        }
        for (List<String> group : estimator.exactlyOneOf()) {
            long n = group.stream().filter(values::containsKey).count();
            if (n != 1) {
                throw new InputException(estimator.name() + (n == 0 ? " needs" : " takes only") + " one of the options '"
                        + String.join("', '", group) + "'");
            }
        }
        return new EstimatorOptions(estimator, Map.copyOf(values), Runtime.getRuntime().availableProcessors(), 20171);
    }

    /**
     * @param threads worker threads (at least 1)
     * @return these options with that many threads
     */
    public EstimatorOptions withThreads(int threads) {
        return new EstimatorOptions(estimator, given, Math.max(1, threads), seed);
    }

    /**
     * @param seed the seed of every random draw
     * @return these options with that seed
     */
    public EstimatorOptions withSeed(long seed) {
        return new EstimatorOptions(estimator, given, threads, seed);
    }

    /** @return the estimator these options are for */
    public Estimator estimator() {
        return estimator;
    }

    /** @return worker threads */
    public int threads() {
        return threads;
    }

    /** @return the seed of random draws */
    public long seed() {
        return seed;
    }

    /**
     * @param name an option's name
     * @return whether it was given (not only defaulted)
     */
    public boolean given(String name) {
        return given.containsKey(option(name).name());
    }

    /**
     * @param name an option's name
     * @return its value as typed, or its default, or empty
     */
    public Optional<String> text(String name) {
        EstimatorOption o = option(name);
        return Optional.ofNullable(given.get(o.name())).or(o::defaultValue);
    }

    /**
     * @param name a required option's (or one with a default)
     * @return its value
     */
    public String required(String name) {
        return text(name).orElseThrow(() -> new InputException(estimator.name() + " needs the option '" + name + "'"));
    }

    /**
     * @param name a {@link EstimatorOption.Kind#NUMBER} option's name
     * @return its value
     */
    public Optional<Double> number(String name) {
        return text(name).map(Double::parseDouble);
    }

    /**
     * @param name an {@link EstimatorOption.Kind#INTEGER} option's name
     * @return its value
     */
    public Optional<Integer> integer(String name) {
        return text(name).map(Integer::parseInt);
    }

    /**
     * @param name a {@link EstimatorOption.Kind#BOOLEAN} or {@link EstimatorOption.Kind#FLAG} option's name
     * @return its value; false when neither given nor defaulted
     */
    public boolean bool(String name) {
        return text(name).map(Boolean::parseBoolean).orElse(false);
    }

    /**
     * The variables some options name: a variable option's value, a formula option's variables
     * (none when the formula does not parse, for the estimator to report the syntax error).
     *
     * @param names option names
     * @return the variables, in order, each once
     */
    public List<String> variablesOf(String... names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            EstimatorOption o = option(n);
            Optional<String> v = text(n);
            if (v.isEmpty() || v.get().isBlank()) {
                continue;
            }
            if (o.kind() == EstimatorOption.Kind.FORMULA) {
                try {
                    out.addAll(Formula.parse(v.get()).variables());
                } catch (InputException e) {
                    // the estimator parses the formula again and reports the error with its context
                }
            } else {
                out.add(v.get());
            }
        }
        return new ArrayList<>(out);
    }

    private EstimatorOption option(String name) {
        return find(estimator, name).orElseThrow(() -> new IllegalArgumentException(estimator.name() + " has no option " + name));
    }

    private static Optional<EstimatorOption> find(Estimator estimator, String name) {
        return estimator.options().stream().filter(o -> o.isNamed(name)).findFirst();
    }

    private static String names(Estimator estimator) {
        return String.join(", ", estimator.options().stream().filter(o -> !o.hidden()).map(EstimatorOption::name).toList());
    }

    private static void check(Estimator estimator, EstimatorOption o, String value) {
        String problem = switch (o.kind()) {
            case NUMBER -> parses(() -> Double.parseDouble(value)) ? null : "is not a number";
            case INTEGER -> parses(() -> Integer.parseInt(value)) ? null : "is not a whole number";
            case BOOLEAN, FLAG -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null : "is not true or false";
            case CHOICE -> o.choices().contains(value) ? null : "is not one of " + String.join(", ", o.choices());
            case VARIABLE, FORMULA, TEXT, FILE -> value.isBlank() ? "is empty" : null;
        };
        if (problem != null) {
            throw new InputException(String.format(Locale.ROOT, "%s option '%s': '%s' %s; %s", estimator.name(), o.name(), value,
                    problem, o.describe()));
        }
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
