package org.synergia.report.documents;

import org.synergia.cases.spec.CaseSpec;
import org.synergia.report.i18n.Messages;

/** Estimate terms in the reader's words: group contrasts with the groups' names, other terms from the messages. */
final class TermLabels {

    private TermLabels() {}

    static String label(CaseSpec spec, String term, Messages m) {
        if (term.equals("synergy")) {
            return m.get("comparison.synergy");
        }
        if (term.startsWith("POmean:")) {
            return CaseCharts.label(spec, (int) Double.parseDouble(term.substring(7)), m);
        }
        int colon = term.indexOf(':');
        if (colon > 0 && term.contains("vs")) {
            String[] sides = term.substring(colon + 1).split("vs");
            return CaseCharts.label(spec, (int) Double.parseDouble(sides[0]), m) + " vs "
                    + CaseCharts.label(spec, (int) Double.parseDouble(sides[1]), m);
        }
        String key = "term." + term.replace(':', '.').replaceAll("\\[.*\\]", "");
        String base = m.has(key) ? m.get(key) : term;
        int bracket = term.indexOf('[');
        return bracket > 0 ? base + " " + term.substring(bracket) : base;
    }
}
