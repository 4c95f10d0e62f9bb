package org.synergia.data;

/** How a front end spells an {@link OptionName} in the messages it shows. */
@FunctionalInterface
public interface OptionStyle {

    /** The command line's spelling: {@code --h}. */
    OptionStyle COMMAND_LINE = name -> "--" + name;

    /**
     * @param name the option's registry name
     * @return the option as the user writes it
     */
    String spell(String name);
}
