package org.synergia.cases.spec;

import java.util.List;
import org.synergia.cases.spec.OutcomeSpec.Indicator;

/**
 * The item columns each indicator is computed from, under the names the plans and the simulated
 * surveys use; a real survey maps its own columns to these names in {@code data.mapping}.
 */
public final class InstrumentItems {

    private InstrumentItems() {}

    /**
     * @param indicator an indicator
     * @return its item columns, in the instrument's order (for HFIAS and HHS: the frequency columns, 0 when the event did not occur)
     */
    public static List<String> of(Indicator indicator) {
        return switch (indicator) {
            case FCS -> List.of("fcs_staples", "fcs_pulses", "fcs_dairy", "fcs_meat", "fcs_vegetables", "fcs_fruit", "fcs_oil",
                    "fcs_sugar", "fcs_condiments");
            case HDDS -> List.of("hdds_cereals", "hdds_roots", "hdds_vegetables", "hdds_fruits", "hdds_meat", "hdds_eggs",
                    "hdds_fish", "hdds_pulses", "hdds_dairy", "hdds_oils", "hdds_sugar", "hdds_condiments");
            case HFIAS -> List.of("hfias_q1a", "hfias_q2a", "hfias_q3a", "hfias_q4a", "hfias_q5a", "hfias_q6a", "hfias_q7a",
                    "hfias_q8a", "hfias_q9a");
            case FIES -> List.of("fies_worried", "fies_healthy", "fies_fewfoods", "fies_skipped", "fies_ateless", "fies_ranout",
                    "fies_hungry", "fies_wholeday");
            case HHS -> List.of("hhs_no_food_a", "hhs_sleep_hungry_a", "hhs_whole_day_a");
            case RCSI -> List.of("rcsi_less_preferred", "rcsi_borrow", "rcsi_limit_portions", "rcsi_reduce_meals",
                    "rcsi_restrict_adults");
            case TLU -> List.of("lvs_cattle", "lvs_sheep", "lvs_goats", "lvs_pigs", "lvs_donkeys", "lvs_chickens");
        };
    }

    /**
     * @param frequencyItem an HFIAS frequency column ({@code hfias_q1a})
     * @return its occurrence column ({@code hfias_q1})
     */
    public static String occurrenceOf(String frequencyItem) {
        return frequencyItem.substring(0, frequencyItem.length() - 1);
    }
}
