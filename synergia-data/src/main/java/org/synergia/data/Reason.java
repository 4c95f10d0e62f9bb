package org.synergia.data;

/**
 * Why an input was refused, as a value: each module lists its reasons in an enum implementing
 * this, and keeps their texts in a message bundle in English (the base file), Spanish and French
 * ({@code problems.properties}, {@code problems_es.properties}, {@code problems_fr.properties},
 * {@link java.text.MessageFormat} patterns). The parameters of an {@link InputException} fill the
 * pattern; an {@link OptionName} among them is spelt by the front end that shows the message.
 */
public interface Reason {

    /** @return the key of the text in the bundle (the enum constant's name) */
    String name();

    /** @return the bundle's base name, e.g. {@code org.synergia.effects.problems} */
    String bundle();
}
