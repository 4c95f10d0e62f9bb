package org.synergia.cases.run;

/**
 * What a potential-outcome term ({@code ATE}, {@code ATE:2vs0}, {@code POmean:1}, {@code synergy})
 * compares, so that its planted truth and its label can be found.
 *
 * @param kind an effect, a potential-outcome mean or the synergy
 * @param treated the group received (the group of a mean)
 * @param control the comparison group
 */
record Contrast(Kind kind, int treated, int control) {

    /** The kinds of term. */
    enum Kind { EFFECT, MEAN, SYNERGY }

    /**
     * @param term the term as the estimator names it
     * @param control the analysis's control group
     * @param onlyTreated the treated group of a binary comparison (for the plain {@code ATE}/{@code ATT} terms)
     * @return what the term compares
     */
    static Contrast parse(String term, int control, int onlyTreated) {
        if (term.equals("synergy")) {
            return new Contrast(Kind.SYNERGY, -1, control);
        }
        if (term.startsWith("POmean:")) {
            return new Contrast(Kind.MEAN, (int) Double.parseDouble(term.substring(7)), control);
        }
        int colon = term.indexOf(':');
        if (colon < 0) {
            return new Contrast(Kind.EFFECT, onlyTreated, control);
        }
        String[] sides = term.substring(colon + 1).split("vs");
        return new Contrast(Kind.EFFECT, (int) Double.parseDouble(sides[0]), (int) Double.parseDouble(sides[1]));
    }

    /** @return the term in words, with the groups' names */
    String label(PlanExecutor executor) {
        return switch (kind) {
            case SYNERGY -> "Synergy (both beyond the sum of each alone)";
            case MEAN -> "Mean outcome if all received: " + executor.groupLabel(treated);
            case EFFECT -> executor.groupLabel(treated) + " vs " + executor.groupLabel(control);
        };
    }
}
