package org.synergia.stats.inference;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.synergia.data.InputException;

/**
 * Cluster membership of {@code n} observations, coded densely as {@code 0..G-1} in order of first
 * appearance. Immutable.
 */
public final class Clusters {

    private final int[] codes;
    private final int count;

    private Clusters(int[] codes, int count) {
        this.codes = codes;
        this.count = count;
    }

    /**
     * Clusters from integer identifiers (any values).
     *
     * @param ids one identifier per observation
     * @return the clusters
     */
    public static Clusters of(int[] ids) {
        Map<Integer, Integer> seen = new HashMap<>();
        int[] codes = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            Integer c = seen.putIfAbsent(ids[i], seen.size());
            codes[i] = c == null ? seen.size() - 1 : c;
        }
        return new Clusters(codes, seen.size());
    }

    /**
     * Clusters from numeric identifiers (a numeric column of a data file).
     *
     * @param ids one identifier per observation; NaN (missing) is refused
     * @param variable the variable's name, for messages
     * @return the clusters
     */
    public static Clusters of(double[] ids, String variable) {
        Map<Double, Integer> seen = new HashMap<>();
        int[] codes = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (Double.isNaN(ids[i])) {
                throw new InputException("cluster variable '" + variable + "' is missing in row " + (i + 1)
                        + ": drop the rows with a missing cluster or recode them");
            }
            Integer c = seen.putIfAbsent(ids[i] == 0.0 ? 0.0 : ids[i], seen.size());
            codes[i] = c == null ? seen.size() - 1 : c;
        }
        return new Clusters(codes, seen.size());
    }

    /**
     * Clusters from text identifiers.
     *
     * @param ids one identifier per observation; null (missing) is refused
     * @param variable the variable's name, for messages
     * @return the clusters
     */
    public static Clusters of(String[] ids, String variable) {
        Map<String, Integer> seen = new HashMap<>();
        int[] codes = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) {
                throw new InputException("cluster variable '" + variable + "' is missing in row " + (i + 1)
                        + ": drop the rows with a missing cluster or recode them");
            }
            Integer c = seen.putIfAbsent(ids[i], seen.size());
            codes[i] = c == null ? seen.size() - 1 : c;
        }
        return new Clusters(codes, seen.size());
    }

    /**
     * The clusters of a subset of the observations (for example the rows a model used), recoded densely.
     *
     * @param rows indices of the kept observations, in order
     * @return the clusters of those rows
     */
    public Clusters subset(int[] rows) {
        int[] ids = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            ids[i] = codes[rows[i]];
        }
        return of(ids);
    }

    /** @return the number of observations */
    public int size() {
        return codes.length;
    }

    /** @return the number of clusters {@code G} */
    public int count() {
        return count;
    }

    /**
     * @param i an observation
     * @return its cluster code in {@code 0..G-1}
     */
    public int code(int i) {
        return codes[i];
    }

    /** @return a copy of the codes */
    public int[] codes() {
        return Arrays.copyOf(codes, codes.length);
    }
}
