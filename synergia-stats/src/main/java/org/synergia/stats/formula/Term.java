package org.synergia.stats.formula;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A term of a model formula: one component, or the interaction of several ({@code a:b}).
 *
 * @param components the components, in the order their variables first appear in the formula
 */
public record Term(List<Component> components) {

    /** @return the term's label as R writes it: components joined by {@code :} */
    public String label() {
        return components.stream().map(Component::label).collect(Collectors.joining(":"));
    }

    /** @return the order of the interaction (1 for a main effect) */
    public int degree() {
        return components.size();
    }
}
