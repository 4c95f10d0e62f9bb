package org.synergia.web.site;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.OutcomeSpec;

/**
 * The filters of the home page: world region, programme type and outcome domain, each optional.
 * Values are the kebab-case names of the enums ({@code africa}, {@code combined},
 * {@code food-security}); an unknown value is no filter.
 *
 * @param region the region, or empty
 * @param type the programme type, or empty
 * @param domain the outcome domain, or empty
 */
public record CaseFilter(Optional<CaseSpec.Region> region, Optional<CaseSpec.ProgrammeType> type,
        Optional<OutcomeSpec.Domain> domain) {

    /** No filter. */
    public static final CaseFilter NONE = new CaseFilter(Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * @param region a region's name, or null
     * @param type a programme type's name, or null
     * @param domain an outcome domain's name, or null
     * @return the filter; unknown names filter nothing
     */
    public static CaseFilter parse(String region, String type, String domain) {
        return new CaseFilter(constant(CaseSpec.Region.values(), region), constant(CaseSpec.ProgrammeType.values(), type),
                constant(OutcomeSpec.Domain.values(), domain));
    }

    /**
     * @param spec a case
     * @return whether the case passes every filter
     */
    public boolean matches(CaseSpec spec) {
        return region.map(r -> spec.region() == r).orElse(true)
                && type.map(t -> spec.programmes().stream().anyMatch(p -> p.type() == t)).orElse(true)
                && domain.map(d -> spec.outcomes().stream().anyMatch(o -> o.domain() == d)).orElse(true);
    }

    /** @return true when nothing is filtered */
    public boolean isEmpty() {
        return region.isEmpty() && type.isEmpty() && domain.isEmpty();
    }

    /**
     * @param value an enum constant
     * @return its kebab-case name, as used in addresses and message keys
     */
    public static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param values the constants of an enum
     * @return their kebab-case names
     */
    public static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(CaseFilter::name).toList();
    }

    private static <E extends Enum<E>> Optional<E> constant(E[] values, String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(values).filter(v -> name(v).equals(name)).findFirst();
    }
}
