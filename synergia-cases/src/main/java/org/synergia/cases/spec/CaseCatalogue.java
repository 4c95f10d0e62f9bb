package org.synergia.cases.spec;

import java.util.List;

/** The eight Rural Synergies cases bundled with Synergia, in the order reports present them. */
public final class CaseCatalogue {

    /** The case identifiers (the command-line contract's names). */
    public static final List<String> IDS = List.of(
            "colombia-fest-unidos", "colombia-ppp", "mexico-proinpro", "peru-haku-winay",
            "ethiopia-psnp-insct", "lesotho-cgp-springs", "mali-cash-plus", "zambia-hgsf-casu");

    private CaseCatalogue() {}

    /** @return every bundled case's specification, validated */
    public static List<CaseSpec> all() {
        return IDS.stream().map(CaseSpecReader::bundled).toList();
    }
}
