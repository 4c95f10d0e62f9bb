package org.synergia.data;

/**
 * An option named in a message, by its estimator-registry name ({@code h}, {@code cluster},
 * {@code missing}). Each front end spells it as its user writes it: {@code --h} on the command
 * line ({@link OptionStyle#COMMAND_LINE}), {@code options.h} in a case specification.
 *
 * @param name the option's registry name, without dashes
 */
public record OptionName(String name) {

    /**
     * @param name the option's registry name
     * @return it, as a message parameter
     */
    public static OptionName of(String name) {
        return new OptionName(name);
    }
}
