package org.synergia.effects.rd;

/**
 * The units on one side of the cutoff, sorted once by distance to the cutoff so that every
 * kernel window is a prefix and nearest neighbours in the running variable are adjacent.
 * Columns hold the outcome, then the treatment received (fuzzy designs), then the covariates.
 */
final class RdSide {

    /** Length of the runs insertion-sorted before merging. */
    private static final int RUN = 32;

    /** Number of units on this side. */
    final int n;
    /** The running variable, sorted by distance to the cutoff. */
    final double[] x;
    /** {@code x - c}, same order. */
    final double[] dist;
    /** {@code |x - c|}, ascending. */
    final double[] absDist;
    /** Data columns {@code [column][unit]}: outcome, treatment received, covariates. */
    final double[][] columns;
    /** Sampling weights, or null. */
    final double[] weights;
    /** Cluster codes in {@code [0, clusterCount)}, or null. */
    final int[] clusters;
    /** Number of distinct cluster codes in the whole sample. */
    final int clusterCount;
    /** First index of each unit's group of tied running-variable values. */
    final int[] tieStart;
    /** One past the last index of each unit's tie group. */
    final int[] tieEnd;
    /** Distances to the cutoff of the distinct running-variable values, ascending. */
    final double[] distinctAbsDist;
    /** Each unit's position in the data order of this side (the order of {@code units}). */
    private final int[] dataPosition;

    /**
     * @param units the sample indices of this side's units
     * @param x the running variable of the whole sample
     * @param cutoff the cutoff
     * @param columns the data columns of the whole sample
     * @param weights the weights of the whole sample, or null
     * @param clusters cluster codes in {@code [0, clusterCount)} of the whole sample, or null
     * @param clusterCount the number of cluster codes
     */
    RdSide(int[] units, double[] x, double cutoff, double[][] columns, double[] weights, int[] clusters,
            int clusterCount) {
        n = units.length;
        double[] key = new double[n];
        for (int i = 0; i < n; i++) {
            key[i] = Math.abs(x[units[i]] - cutoff);
        }
        int[] order = sortedOrder(key);
        this.x = new double[n];
        dist = new double[n];
        absDist = new double[n];
        this.columns = new double[columns.length][n];
        this.weights = weights == null ? null : new double[n];
        this.clusters = clusters == null ? null : new int[n];
        this.clusterCount = clusterCount;
        dataPosition = order;
        for (int i = 0; i < n; i++) {
            int u = units[order[i]];
            this.x[i] = x[u];
            dist[i] = x[u] - cutoff;
            absDist[i] = key[order[i]];
            for (int c = 0; c < columns.length; c++) {
                this.columns[c][i] = columns[c][u];
            }
            if (weights != null) {
                this.weights[i] = weights[u];
            }
            if (clusters != null) {
                this.clusters[i] = clusters[u];
            }
        }
        tieStart = new int[n];
        tieEnd = new int[n];
        int groups = 0;
        for (int i = 0; i < n;) {
            int e = i + 1;
            while (e < n && this.x[e] == this.x[i]) {
                e++;
            }
            for (int j = i; j < e; j++) {
                tieStart[j] = i;
                tieEnd[j] = e;
            }
            groups++;
            i = e;
        }
        distinctAbsDist = new double[groups];
        for (int i = 0, g = 0; i < n; i = tieEnd[i]) {
            distinctAbsDist[g++] = absDist[i];
        }
    }

    /**
     * @param h a bandwidth
     * @param kernel the kernel
     * @return the number of units with a positive kernel weight, which are the first ones
     */
    int window(double h, Kernel kernel) {
        int lo = 0;
        int hi = n;
        boolean closed = kernel.includesBoundary();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (closed ? absDist[mid] <= h : absDist[mid] < h) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** @return the number of distinct values of the running variable */
    int distinctCount() {
        return distinctAbsDist.length;
    }

    /**
     * The distance to the cutoff of the k-th distinct running-variable value met in data order (the
     * order of the units given to the constructor) rather than by distance.
     *
     * @param k 1-based, at most {@link #distinctCount()}
     * @return the distance
     */
    double distinctAbsDistInDataOrder(int k) {
        int[] byData = new int[n];
        for (int i = 0; i < n; i++) {
            byData[dataPosition[i]] = i;
        }
        boolean[] seen = new boolean[n];
        int found = 0;
        for (int j = 0; j < n; j++) {
            int group = tieStart[byData[j]];
            if (!seen[group]) {
                seen[group] = true;
                if (++found == k) {
                    return absDist[group];
                }
            }
        }
        throw new IllegalArgumentException("only " + found + " distinct values, not " + k);
    }

    /** @return the largest distance to the cutoff */
    double range() {
        return n == 0 ? 0 : absDist[n - 1];
    }

    /**
     * @param count number of units from the cutoff
     * @return the number of distinct clusters among them
     */
    int clustersIn(int count) {
        boolean[] seen = new boolean[clusterCount];
        int g = 0;
        for (int i = 0; i < count; i++) {
            if (!seen[clusters[i]]) {
                seen[clusters[i]] = true;
                g++;
            }
        }
        return g;
    }

    /**
     * Stable ascending order of the keys: bottom-up merge sort that moves keys with their indices
     * (sequential memory access), after insertion-sorting runs of {@code RUN} elements.
     */
    private static int[] sortedOrder(double[] key) {
        int n = key.length;
        double[] ka = key.clone();
        double[] kb = new double[n];
        int[] ia = new int[n];
        int[] ib = new int[n];
        for (int i = 0; i < n; i++) {
            ia[i] = i;
        }
        for (int lo = 0; lo < n; lo += RUN) {
            int hi = Math.min(lo + RUN, n);
            for (int i = lo + 1; i < hi; i++) {
                double k = ka[i];
                int v = ia[i];
                int j = i - 1;
                while (j >= lo && ka[j] > k) {
                    ka[j + 1] = ka[j];
                    ia[j + 1] = ia[j];
                    j--;
                }
                ka[j + 1] = k;
                ia[j + 1] = v;
            }
        }
        for (int width = RUN; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    if (ka[j] < ka[i]) {
                        kb[k] = ka[j];
                        ib[k++] = ia[j++];
                    } else {
                        kb[k] = ka[i];
                        ib[k++] = ia[i++];
                    }
                }
                while (i < mid) {
                    kb[k] = ka[i];
                    ib[k++] = ia[i++];
                }
                while (j < hi) {
                    kb[k] = ka[j];
                    ib[k++] = ia[j++];
                }
            }
            double[] tk = ka;
            ka = kb;
            kb = tk;
            int[] ti = ia;
            ia = ib;
            ib = ti;
        }
        return ia;
    }
}
