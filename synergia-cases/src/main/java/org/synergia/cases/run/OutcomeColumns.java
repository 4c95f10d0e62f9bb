package org.synergia.cases.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.cases.spec.CaseSpec;
import org.synergia.cases.spec.InstrumentItems;
import org.synergia.cases.spec.OutcomeSpec;
import org.synergia.data.Column;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;
import org.synergia.data.NumericColumn;
import org.synergia.measures.indicators.DietaryDiversity;
import org.synergia.measures.indicators.FoodConsumptionScore;
import org.synergia.measures.indicators.FoodConsumptionScore.FoodGroup;
import org.synergia.measures.indicators.Hfias;
import org.synergia.measures.indicators.HouseholdHungerScale;
import org.synergia.measures.indicators.ReducedCopingStrategiesIndex;
import org.synergia.measures.indicators.ReducedCopingStrategiesIndex.Strategy;
import org.synergia.measures.indicators.TropicalLivestockUnits;

/**
 * Computes each indicator outcome of a case from its item columns with the toolbox's indicator
 * library (missing-item rules are the library's: a household with a missing item gets a missing
 * score), and checks that every other outcome is in the data.
 */
final class OutcomeColumns {

    private static final FoodGroup[] FCS_GROUPS = {FoodGroup.STAPLES, FoodGroup.PULSES, FoodGroup.MILK, FoodGroup.MEAT_FISH,
        FoodGroup.VEGETABLES, FoodGroup.FRUIT, FoodGroup.OIL, FoodGroup.SUGAR, FoodGroup.CONDIMENTS};
    private static final Strategy[] RCSI_STRATEGIES = {Strategy.LESS_PREFERRED_FOOD, Strategy.BORROW_FOOD,
        Strategy.LIMIT_PORTIONS, Strategy.REDUCE_MEALS, Strategy.RESTRICT_ADULTS};
    private static final String[] SPECIES = {"cattle", "sheep", "goats", "pigs", "donkeys", "chickens"};

    private OutcomeColumns() {}

    /**
     * @param spec the case
     * @param data its data
     * @return the data with one column per indicator outcome, named as the outcome
     */
    static Dataset derive(CaseSpec spec, Dataset data) {
        Dataset out = data;
        for (int k = 0; k < spec.outcomes().size(); k++) {
            OutcomeSpec o = spec.outcomes().get(k);
            if (o.indicator().isEmpty()) {
                if (!data.hasColumn(o.id())) {
                    throw new InputException(spec.file() + ": outcomes[" + k + "] (" + o.id() + ") is not in " + data.name()
                            + "; map it with 'data: mapping: {" + o.id() + ": <your column>}' or give its 'indicator'");
                }
                continue;
            }
            List<String> items = InstrumentItems.of(o.indicator().get());
            for (String item : items) {
                if (!data.hasColumn(item)) {
                    throw new InputException(spec.file() + ": outcomes[" + k + "] (" + o.id() + ", " + o.indicator().get()
                            + ") needs the item column '" + item + "', which is not in " + data.name()
                            + "; map it with 'data: mapping: {" + item + ": <your column>}'");
                }
            }
            double[] values = switch (o.indicator().get()) {
                case FCS -> FoodConsumptionScore.withColumns(byPosition(FCS_GROUPS, items)).scores(data);
                case HDDS -> DietaryDiversity.of(DietaryDiversity.Instrument.HDDS, items).scores(data);
                case FIES -> DietaryDiversity.of(DietaryDiversity.Instrument.FIES, items).scores(data);
                case HFIAS -> Hfias.withColumns(items).scores(data);
                case HHS -> HouseholdHungerScale.withColumns(items).scores(data);
                case RCSI -> ReducedCopingStrategiesIndex.withColumns(byPosition(RCSI_STRATEGIES, items)).scores(data);
                case TLU -> TropicalLivestockUnits.withWeights(TropicalLivestockUnits.SUB_SAHARAN, byPosition(SPECIES, items))
                        .units(data);
            };
            Column column = NumericColumn.builder(o.id(), values)
                    .label(o.label().en() + " (" + o.indicator().get() + ", computed from " + items.size() + " items)").build();
            out = out.withColumn(column);
        }
        return out;
    }

    private static <K> Map<K, String> byPosition(K[] keys, List<String> columns) {
        Map<K, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], columns.get(i));
        }
        return map;
    }
}
