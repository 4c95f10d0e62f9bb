package org.synergia.stats.formula;

/**
 * One factor of a formula term: a numeric expression (a variable, {@code I(...)}, {@code log(x)}),
 * or a categorical variable ({@code factor(x)}, or a text variable used as it is) expanded into
 * indicator columns.
 *
 * @param label the component as R labels it ({@code age}, {@code I(age^2)}, {@code factor(region)})
 * @param expression the numeric expression, or null for a categorical component
 * @param variable the categorical variable, or null for a numeric component
 */
public record Component(String label, Expression expression, String variable) {

    /** @return true for {@code factor(x)} and text variables */
    public boolean categorical() {
        return variable != null;
    }
}
