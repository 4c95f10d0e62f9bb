package org.synergia.report.documents;

import org.synergia.cases.spec.CaseSpec;
import org.synergia.report.i18n.Messages;

/** Estimate terms in the reader's words: group contrasts with the groups' names, other terms from the messages. */
public final class TermLabels {

    private TermLabels() {}

    /**
     * @param spec the case whose groups the term names
     * @param term the term as stored ({@code ATE:1vs0}, {@code synergy}, {@code ITT}, ...)
     * @param m the reader's language
     * @return the term in words, e.g. "FEST only vs Neither programme" or "Solo FEST frente a Ningún programa"
     */
    public static String label(CaseSpec spec, String term, Messages m) {
        if (term.equals("synergy")) {
            return m.get("comparison.synergy");
        }
        if (term.startsWith("POmean:")) {
            return CaseCharts.label(spec, (int) Double.parseDouble(term.substring(7)), m);
        }
        int colon = term.indexOf(':');
        if (colon > 0 && term.contains("vs")) {
            String[] sides = term.substring(colon + 1).split("vs");
            return m.get("contrast.versus", CaseCharts.label(spec, (int) Double.parseDouble(sides[0]), m),
                    CaseCharts.label(spec, (int) Double.parseDouble(sides[1]), m));
        }
        String key = "term." + term.replace(':', '.').replaceAll("\\[.*\\]", "");
        String base = m.has(key) ? m.get(key) : term;
        int bracket = term.indexOf('[');
        return bracket > 0 ? base + " " + term.substring(bracket) : base;
    }
}
