package org.synergia.stats.estimator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One option of an {@link Estimator}: its name (the command line's {@code --name}, the case
 * specification's {@code options: {name: ...}}), what kind of value it takes, its default and its
 * documentation. Immutable; built with the static factories and the {@code with}/{@code required}
 * methods:
 *
 * <p>{@code EstimatorOption.number("caliper", "C", "caliper in standard deviations of the score (default: none)")}
 *
 * @param name the option's name, lower case with hyphens ({@code treatment-model})
 * @param kind what kind of value it takes
 * @param label the value's placeholder in help ({@code F}, {@code LEVEL})
 * @param description one line for help and docs; {@code ${DEFAULT-VALUE}} stands for the default
 * @param required whether it must be given
 * @param defaultValue the value used when it is not given
 * @param choices the accepted values of a {@link Kind#CHOICE}, in the order help lists them
 * @param hidden whether help leaves it out
 * @param aliases other names of the option, accepted wherever its name is ({@code psu} also as {@code cluster})
 */
public record EstimatorOption(String name, Kind kind, String label, String description, boolean required,
        Optional<String> defaultValue, List<String> choices, boolean hidden, List<String> aliases) {

    /** What kind of value an option takes. */
    public enum Kind {
        /** a variable of the data */
        VARIABLE,
        /** a model formula ({@code y ~ x1 + x2}) or a list of variables joined by {@code +} */
        FORMULA,
        /** a real number */
        NUMBER,
        /** a whole number */
        INTEGER,
        /** one of {@link EstimatorOption#choices()} */
        CHOICE,
        /** {@code true} or {@code false} */
        BOOLEAN,
        /** on when present ({@code --balance}); a case plan writes {@code true} or {@code false} */
        FLAG,
        /** any text the estimator reads itself (a contrast such as {@code 3=1+2}) */
        TEXT,
        /** a file the caller writes {@link Estimator#output} to (a plot, saved weights) */
        FILE
    }

    /** The name of the option giving sampling weights; an estimator that has it accepts weights. */
    public static final String WEIGHTS = "weights";

    /** The name of the option giving clusters for cluster-robust variance. */
    public static final String CLUSTER = "cluster";

    /** The name of the option giving subgroups whose effects are estimated separately. */
    public static final String SUBGROUP = "subgroup";

    /** Checks the fields. */
    public EstimatorOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
        choices = List.copyOf(choices);
        aliases = List.copyOf(aliases);
        List<String> names = new ArrayList<>(aliases);
        names.add(0, name);
        for (String n : names) {
            if (!n.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("an option's name is lower case with hyphens: " + n);
            }
        }
        if ((kind == Kind.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException(name + ": a choice option lists its choices, no other kind does");
        }
        if (defaultValue.isPresent() && kind == Kind.CHOICE && !choices.contains(defaultValue.get())) {
            throw new IllegalArgumentException(name + ": the default " + defaultValue.get() + " is not among " + choices);
        }
    }

    private static EstimatorOption of(String name, Kind kind, String label, String description) {
        return new EstimatorOption(name, kind, label, description, false, Optional.empty(), List.of(), false, List.of());
    }

    /**
     * @param name the name
     * @param label the placeholder
     * @param description the help line
     * @return an option naming a variable
     */
    public static EstimatorOption variable(String name, String label, String description) {
        return of(name, Kind.VARIABLE, label, description);
    }

    /**
     * @param name the name
     * @param label the placeholder
     * @param description the help line
     * @return an option taking a formula or a {@code +}-list of variables
     */
    public static EstimatorOption formula(String name, String label, String description) {
        return of(name, Kind.FORMULA, label, description);
    }

    /**
     * @param name the name
     * @param label the placeholder
     * @param description the help line
     * @return an option taking a real number
     */
    public static EstimatorOption number(String name, String label, String description) {
        return of(name, Kind.NUMBER, label, description);
    }

    /**
     * @param name the name
     * @param label the placeholder
     * @param description the help line
     * @return an option taking a whole number
     */
    public static EstimatorOption integer(String name, String label, String description) {
        return of(name, Kind.INTEGER, label, description);
    }

    /**
     * @param name the name
     * @param label the placeholder
     * @param description the help line
     * @return an option taking {@code true} or {@code false}
     */
    public static EstimatorOption bool(String name, String label, String description) {
        return of(name, Kind.BOOLEAN, label, description);
    }

    /**
     * @param name the name
     * @param description the help line
     * @return an option switched on by its presence
     */
    public static EstimatorOption flag(String name, String description) {
        return of(name, Kind.FLAG, "", description);
    }

    /**
     * @param name the name
     * @param label the placeholder
     * @param description the help line
     * @return an option taking text the estimator parses
     */
    public static EstimatorOption text(String name, String label, String description) {
        return of(name, Kind.TEXT, label, description);
    }

    /**
     * @param name the name
     * @param label the placeholder
     * @param description the help line
     * @return an option naming a file the caller writes the estimator's {@link Estimator#output} to
     */
    public static EstimatorOption file(String name, String label, String description) {
        return of(name, Kind.FILE, label, description);
    }

    /**
     * @param name the name
     * @param label the placeholder
     * @param description the help line
     * @param choices the accepted values
     * @return an option taking one of the choices
     */
    public static EstimatorOption choice(String name, String label, String description, String... choices) {
        return new EstimatorOption(name, Kind.CHOICE, label, description, false, Optional.empty(), List.of(choices), false,
                List.of());
    }

    /** @return the standard sampling-weights option ({@value #WEIGHTS}) */
    public static EstimatorOption weights() {
        return variable(WEIGHTS, "W", "the variable holding sampling weights");
    }

    /** @return the standard cluster option ({@value #CLUSTER}) */
    public static EstimatorOption cluster() {
        return variable(CLUSTER, "C", "the variable identifying clusters (cluster-robust variance)");
    }

    /** @return this option, required */
    public EstimatorOption asRequired() {
        return new EstimatorOption(name, kind, label, description, true, defaultValue, choices, hidden, aliases);
    }

    /**
     * @param value the default value, as it would be typed
     * @return this option with that default
     */
    public EstimatorOption withDefault(String value) {
        return new EstimatorOption(name, kind, label, description, required, Optional.of(value), choices, hidden, aliases);
    }

    /** @return this option, left out of help */
    public EstimatorOption asHidden() {
        return new EstimatorOption(name, kind, label, description, required, defaultValue, choices, true, aliases);
    }

    /**
     * @param alias another name of the option, as lower case with hyphens
     * @return this option, also known by that name
     */
    public EstimatorOption withAlias(String alias) {
        List<String> all = new ArrayList<>(aliases);
        all.add(alias);
        return new EstimatorOption(name, kind, label, description, required, defaultValue, choices, hidden, all);
    }

    /**
     * @param n a name
     * @return whether it is this option's name or one of its aliases
     */
    public boolean isNamed(String n) {
        return name.equals(n) || aliases.contains(n);
    }

    /** @return the description with the default written in, for documents other than picocli's help */
    public String describe() {
        return description.replace("${DEFAULT-VALUE}", defaultValue.orElse("none"));
    }
}
