package org.synergia.microsim;

/**
 * A block of households in columns (reused between blocks to keep memory flat). Consumption is
 * per capita per year; weights are household weights (persons = weight x size).
 */
public final class PopulationChunk {

    final long[] id;
    final double[] weight;
    final int[] region;
    final boolean[] rural;
    final double[] consumption;
    final int[] size;
    final double[] pmtScore;
    final boolean[] schoolChild;
    final boolean[] farming;
    int rows;

    /**
     * @param capacity the most rows the chunk holds
     */
    public PopulationChunk(int capacity) {
        id = new long[capacity];
        weight = new double[capacity];
        region = new int[capacity];
        rural = new boolean[capacity];
        consumption = new double[capacity];
        size = new int[capacity];
        pmtScore = new double[capacity];
        schoolChild = new boolean[capacity];
        farming = new boolean[capacity];
    }

    /** @return the number of rows held */
    public int rows() {
        return rows;
    }

    /** @return the capacity */
    public int capacity() {
        return id.length;
    }

    /** Empties the chunk. */
    public void clear() {
        rows = 0;
    }

    /**
     * Appends one household, checking its values.
     *
     * @param householdId unique household id (drives its take-up draws)
     * @param w household weight, non-negative
     * @param regionCode region code, 1-based
     * @param isRural rural residence
     * @param consumptionPerCapita consumption per capita per year, non-negative
     * @param householdSize household size, at least 1
     * @param score proxy-means-test score (higher = better off)
     * @param hasSchoolChild has a child of primary-school age
     * @param isFarming farming household
     */
    public void add(long householdId, double w, int regionCode, boolean isRural, double consumptionPerCapita,
            int householdSize, double score, boolean hasSchoolChild, boolean isFarming) {
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new org.synergia.data.InputException("household " + householdId + ": weight " + w
                    + " must be non-negative and finite");
        }
        if (!(consumptionPerCapita >= 0) || Double.isInfinite(consumptionPerCapita)) {
            throw new org.synergia.data.InputException("household " + householdId + ": consumption "
                    + consumptionPerCapita + " must be non-negative and finite");
        }
        if (householdSize < 1) {
            throw new org.synergia.data.InputException("household " + householdId + ": size " + householdSize
                    + " must be at least 1");
        }
        int r = rows++;
        id[r] = householdId;
        weight[r] = w;
        region[r] = regionCode;
        rural[r] = isRural;
        consumption[r] = consumptionPerCapita;
        size[r] = householdSize;
        pmtScore[r] = score;
        schoolChild[r] = hasSchoolChild;
        farming[r] = isFarming;
    }
}
