package org.synergia.stats.formula;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An R-style model formula (Chambers &amp; Hastie 1992, Statistical Models in S, ch. 2; R's
 * {@code ?formula}): {@code y ~ x1 + I(x2^2) + factor(region) + x1:x3 + a*b - 1}. Supported:
 * {@code +} and {@code -} of terms, {@code :} interactions, {@code *} (main effects and
 * interaction), {@code (a + b)^k}, parentheses, {@code 1}/{@code 0}/{@code -1} for the intercept,
 * {@code factor(x)} (also {@code as.factor(x)}), {@code I(arithmetic)}, {@code log}, {@code exp},
 * {@code sqrt}, {@code abs}. Terms are ordered as R orders them: by degree, then by first
 * appearance; the components of an interaction in the order their variables first appear.
 * Immutable.
 */
public final class Formula {

    private final String text;
    private final Expression response;
    private final List<Term> terms;
    private final boolean intercept;

    Formula(String text, Expression response, List<Term> terms, boolean intercept) {
        this.text = text;
        this.response = response;
        this.terms = List.copyOf(terms);
        this.intercept = intercept;
    }

    /**
     * Parses a formula, two-sided ({@code y ~ x}) or one-sided ({@code ~ x}, or just {@code x1 + x2}).
     *
     * @param text the formula
     * @return the parsed formula
     * @throws org.synergia.data.InputException naming the formula and the position of a syntax error
     */
    public static Formula parse(String text) {
        return new FormulaParser(text).parse();
    }

    /** @return the formula as given */
    public String text() {
        return text;
    }

    /** @return the response expression, or null for a one-sided formula */
    public Expression response() {
        return response;
    }

    /** @return the terms in model-matrix order (without the intercept) */
    public List<Term> terms() {
        return terms;
    }

    /** @return true when the model has an intercept */
    public boolean hasIntercept() {
        return intercept;
    }

    /** @return every variable the formula uses, response first, in order of appearance */
    public Set<String> variables() {
        Set<String> v = new LinkedHashSet<>();
        if (response != null) {
            response.collectVariables(v);
        }
        for (Term t : terms) {
            for (Component c : t.components()) {
                if (c.categorical()) {
                    v.add(c.variable());
                } else {
                    c.expression().collectVariables(v);
                }
            }
        }
        return v;
    }

    /**
     * Whether a term's margin (the term without one component) is in the model; the empty margin
     * is the intercept. R codes a categorical component by contrasts when its margin is present and
     * by full indicators otherwise (Chambers &amp; Hastie 1992, §2.4.1).
     *
     * @param term a term of this formula
     * @param without the index of the component left out
     * @return true when the margin is present
     */
    public boolean marginPresent(Term term, int without) {
        if (term.degree() == 1) {
            return intercept;
        }
        Set<String> margin = new TreeSet<>();
        for (int k = 0; k < term.degree(); k++) {
            if (k != without) {
                margin.add(term.components().get(k).label());
            }
        }
        for (Term t : terms) {
            Set<String> labels = new TreeSet<>();
            t.components().forEach(c -> labels.add(c.label()));
            if (labels.equals(margin)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Orders terms by degree, keeping the order of appearance within a degree. */
    static List<Term> inModelOrder(List<Term> terms) {
        List<Term> sorted = new ArrayList<>(terms);
        sorted.sort(Comparator.comparingInt(Term::degree));
        return sorted;
    }
}
