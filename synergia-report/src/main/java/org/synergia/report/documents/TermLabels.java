package org.synergia.report.documents;

import java.util.Map;
import org.synergia.cases.spec.AnalysisSpec;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.report.i18n.Messages;
import org.synergia.stats.inference.Term;

/** Estimate terms in the reader's words: group contrasts with the groups' names, other terms from the messages. */
public final class TermLabels {

    private TermLabels() {}

    /**
     * @param spec the case whose groups the term names
     * @param term the term as stored
     * @param m the reader's language
     * @return the term in words, e.g. "FEST only vs Neither programme" or "Solo FEST frente a Ningún programa", within a
     *         subgroup "FEST only vs Neither programme — Female-headed households"
     */
    public static String label(CaseSpec spec, Term term, Messages m) {
        if (term instanceof Term.Synergy) {
            return m.get("comparison.synergy");
        }
        if (term instanceof Term.PoMean mean) {
            return CaseCharts.label(spec, (int) mean.level(), m);
        }
        if (term instanceof Term.Effect e && e.hasArms()) {
            return m.get("contrast.versus", CaseCharts.label(spec, (int) e.treated(), m), CaseCharts.label(spec, (int) e.control(), m));
        }
        if (term instanceof Term.Within w) {
            return m.get("contrast.within", label(spec, w.term(), m), subgroup(spec, w.subgroup(), m));
        }
        if (term instanceof Term.WithinDifference d) {
            return m.get("contrast.withinDifference", label(spec, d.of().term(), m), subgroup(spec, d.of().subgroup(), m),
                    subgroup(spec, d.minus().subgroup(), m));
        }
        if (term instanceof Term.Saturation s && s.atOneSaturation()) {
            String name = new Term.Saturation(s.exposure(), Double.NaN, false).toString();
            return message(m, name) + " [" + s.saturationText() + "]";
        }
        return message(m, term.toString());
    }

    /** A subgroup's name from the plan analysis that declares its variable, else {@code variable = level}. */
    private static String subgroup(CaseSpec spec, Term.Subgroup s, Messages m) {
        return spec.plan().stream().flatMap(a -> a.subgroup().stream()).filter(g -> g.variable().equals(s.variable())).findFirst()
                .orElse(new AnalysisSpec.Subgroups(s.variable(), Map.of())).label(s.level(), m.language());
    }

    /** The message {@code term.<name>} ({@code :} read as {@code .}), or the name itself where there is none. */
    private static String message(Messages m, String name) {
        String key = "term." + name.replace(':', '.');
        return m.has(key) ? m.get(key) : name;
    }
}
