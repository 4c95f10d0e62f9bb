package org.synergia.measures.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.data.Dataset;
import org.synergia.data.InputException;

/**
 * Tropical Livestock Units (Jahnke 1982): head counts per species times a conversion weight,
 * summed. The weight table is configurable; {@link #SUB_SAHARAN} holds common sub-Saharan values
 * (cattle 0.7, sheep 0.1, goats 0.1, pigs 0.2, donkeys 0.5, chickens 0.01). Counts must be
 * non-negative. Missing-item rule: a household with any mapped species' count missing gets a
 * missing TLU (NaN); map only species the survey asked about.
 */
public final class TropicalLivestockUnits {

    /** Common sub-Saharan conversion weights, by species name. */
    public static final Map<String, Double> SUB_SAHARAN = Map.of("cattle", 0.7, "sheep", 0.1, "goats", 0.1,
            "pigs", 0.2, "donkeys", 0.5, "chickens", 0.01);

    private final Map<String, Double> weights;
    private final Map<String, String> columns;

    private TropicalLivestockUnits(Map<String, Double> weights, Map<String, String> columns) {
        this.weights = weights;
        this.columns = columns;
    }

    /**
     * @param weights conversion weight per species name (positive)
     * @param columns the head-count column per species name; each species must have a weight
     * @return the TLU computer
     */
    public static TropicalLivestockUnits withWeights(Map<String, Double> weights, Map<String, String> columns) {
        if (columns.isEmpty()) {
            throw new InputException("Tropical Livestock Units need at least one species column");
        }
        for (Map.Entry<String, String> e : columns.entrySet()) {
            Double w = weights.get(e.getKey());
            if (w == null || !(w > 0)) {
                throw new InputException("no positive TLU weight for species '" + e.getKey() + "': add it to the weight"
                        + " table (known: " + weights.keySet() + ")");
            }
        }
        return new TropicalLivestockUnits(Map.copyOf(weights), new LinkedHashMap<>(columns));
    }

    /**
     * @param data the dataset
     * @return each household's TLU, NaN where a mapped count is missing
     */
    public double[] units(Dataset data) {
        List<String> names = new ArrayList<>(columns.values());
        double[] w = columns.keySet().stream().mapToDouble(weights::get).toArray();
        return ItemScale.weightedSum(ItemScale.columns(data, names), w, 0, Double.POSITIVE_INFINITY, names);
    }

    /**
     * @param counts head counts, one array per species
     * @param speciesWeights the species' conversion weights, in the same order
     * @return each row's TLU
     */
    public static double[] units(double[][] counts, double[] speciesWeights) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < counts.length; j++) {
            names.add("species " + (j + 1));
        }
        return ItemScale.weightedSum(counts, speciesWeights, 0, Double.POSITIVE_INFINITY, names);
    }
}
