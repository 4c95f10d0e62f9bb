package org.synergia.effects.matching;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Nearest-neighbour matching on several covariates already transformed so that the metric is
 * Euclidean ({@code z = L^-1 x} for a scaling matrix {@code S = L L'}: Mahalanobis, inverse
 * variance; or raw covariates). Each focal unit keeps its {@code M} nearest pool units and every
 * further pool unit that ties with the M-th ({@link Ties}; weights {@code 1/#J}, as {@link ScoreMatcher}).
 * The search is exact and uses a k-d tree over the pool (median splits on the widest coordinate): a
 * subtree is skipped only when the distance to its splitting plane already exceeds the largest
 * distance that ties with the current M-th, so no tied unit is missed. Focal units are searched in parallel; the matches of each
 * are listed in pool order, so results do not depend on the number of threads.
 */
final class CovariateMatcher {

    private static final int LEAF = 8;

    private CovariateMatcher() {
    }

    /**
     * @param z transformed covariates by column ({@code z[j][i]})
     * @param focal focal rows
     * @param pool pool rows
     * @param m neighbours
     * @param ties when a farther pool row ties with the M-th nearest
     * @param excludeSelf skip the pool row equal to the focal row
     * @return the matches
     */
    static MatchSet nearest(double[][] z, int[] focal, int[] pool, int m, Ties.Bound ties, boolean excludeSelf) {
        Tree tree = new Tree(z, pool);
        int avail = excludeSelf ? pool.length - 1 : pool.length;
        int want = Math.min(m, avail);
        int[][] found = new int[focal.length][];
        IntStream.range(0, focal.length).parallel().forEach(k -> found[k] =
                want <= 0 ? new int[0] : tree.query(focal[k], want, ties, excludeSelf));
        int[] start = new int[focal.length + 1];
        for (int k = 0; k < focal.length; k++) {
            start[k + 1] = start[k] + found[k].length;
        }
        int[] match = new int[start[focal.length]];
        for (int k = 0; k < focal.length; k++) {
            System.arraycopy(found[k], 0, match, start[k], found[k].length);
        }
        return new MatchSet(focal.clone(), start, match);
    }

    /** A k-d tree over the pool rows: {@code order} holds pool positions, nodes split it in place. */
    private static final class Tree {
        private final double[][] z;
        private final int[] pool;
        private final int[] order;
        /** Per node: first and end position in {@code order}, split dimension (-1 for a leaf), children. */
        private final int[] from;
        private final int[] to;
        private final int[] dim;
        private final double[] split;
        private final int[] left;
        private final int[] right;
        /** Coordinates in tree order, row-major, so that a leaf is scanned from contiguous memory. */
        private final double[] packed;
        private int nodes;

        Tree(double[][] z, int[] pool) {
            this.z = z;
            this.pool = pool;
            this.order = new int[pool.length];
            for (int q = 0; q < pool.length; q++) {
                order[q] = q;
            }
            int capacity = 4 * (pool.length / LEAF + 1) + 1; // leaves hold at least LEAF / 2 points
            from = new int[capacity];
            to = new int[capacity];
            dim = new int[capacity];
            split = new double[capacity];
            left = new int[capacity];
            right = new int[capacity];
            build(0, pool.length);
            int k = z.length;
            packed = new double[pool.length * k];
            for (int q = 0; q < pool.length; q++) {
                int r = pool[order[q]];
                for (int j = 0; j < k; j++) {
                    packed[q * k + j] = z[j][r];
                }
            }
        }

        private double coordinate(int j, int q) {
            return z[j][pool[order[q]]];
        }

        private int build(int lo, int hi) {
            int node = nodes++;
            from[node] = lo;
            to[node] = hi;
            dim[node] = -1;
            if (hi - lo <= LEAF) {
                return node;
            }
            int best = -1;
            double spread = 0;
            for (int j = 0; j < z.length; j++) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int q = lo; q < hi; q++) {
                    double v = coordinate(j, q);
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                if (max - min > spread) {
                    spread = max - min;
                    best = j;
                }
            }
            if (best < 0) {
                return node; // every point identical: a leaf, however large
            }
            int mid = (lo + hi) >>> 1;
            select(best, lo, hi - 1, mid);
            dim[node] = best;
            split[node] = coordinate(best, mid);
            left[node] = build(lo, mid);
            right[node] = build(mid, hi);
            return node;
        }

        /** Quickselect: order[lo..hi] rearranged so that position k holds its rank-k element on dimension j. */
        private void select(int j, int lo, int hi, int k) {
            while (hi > lo) {
                double pivot = coordinate(j, (lo + hi) >>> 1);
                int a = lo;
                int b = hi;
                while (a <= b) {
                    while (coordinate(j, a) < pivot) {
                        a++;
                    }
                    while (coordinate(j, b) > pivot) {
                        b--;
                    }
                    if (a <= b) {
                        int t = order[a];
                        order[a] = order[b];
                        order[b] = t;
                        a++;
                        b--;
                    }
                }
                if (k <= b) {
                    hi = b;
                } else if (k >= a) {
                    lo = a;
                } else {
                    return;
                }
            }
        }

        /** The pool rows nearer than the m-th nearest or tied with it, in pool order. */
        int[] query(int row, int m, Ties.Bound ties, boolean excludeSelf) {
            double[] point = new double[z.length];
            for (int j = 0; j < point.length; j++) {
                point[j] = z[j][row];
            }
            Search s = new Search(row, point, m, ties, excludeSelf);
            visit(0, s, new double[point.length]);
            double limit = s.bound();
            int c = 0;
            for (int q = 0; q < s.count; q++) {
                if (s.candidateDistance[q] <= limit) {
                    s.candidate[c++] = s.candidate[q];
                }
            }
            int[] positions = Arrays.copyOf(s.candidate, c);
            Arrays.sort(positions);
            int[] rows = new int[c];
            for (int q = 0; q < c; q++) {
                rows[q] = pool[positions[q]];
            }
            return rows;
        }

        /**
         * Visits a node's points, nearer child first; the farther child only when its lower bound on
         * the squared distance, {@code sum_j offset_j^2}, is within the search bound (Arya and Mount
         * 1993, incremental distance): exact, since each offset is a rounded difference to a splitting
         * plane no larger than the rounded difference to any point beyond it, summed in the order the
         * distances are. Leaf distances stop accumulating once past the bound (partial distances).
         *
         * @param offset per coordinate, the query's distance to the node's range (0 inside it)
         */
        private void visit(int node, Search s, double[] offset) {
            int k = s.point.length;
            if (dim[node] < 0) {
                for (int q = from[node]; q < to[node]; q++) {
                    int position = order[q];
                    if (s.excludeSelf && pool[position] == s.row) {
                        continue;
                    }
                    double bound = s.bound();
                    double d2 = 0;
                    int base = q * k;
                    for (int j = 0; j < k && d2 <= bound; j++) {
                        double d = s.point[j] - packed[base + j];
                        d2 += d * d;
                    }
                    if (d2 <= bound) {
                        s.offer(position, d2);
                    }
                }
                return;
            }
            int j = dim[node];
            double gap = s.point[j] - split[node];
            visit(gap < 0 ? left[node] : right[node], s, offset);
            double saved = offset[j];
            offset[j] = gap;
            double lower = 0;
            for (int c = 0; c < k; c++) {
                lower += offset[c] * offset[c];
            }
            if (lower <= s.bound()) {
                visit(gap < 0 ? right[node] : left[node], s, offset);
            }
            offset[j] = saved;
        }
    }

    /** The state of one query: a max-heap of the m smallest distances and the candidates within the bound. */
    private static final class Search {
        final int row;
        final double[] point;
        final boolean excludeSelf;
        final Ties.Bound ties;
        final double[] heap;
        int heapSize;
        /** The largest squared distance that ties with the current m-th nearest (infinite until m are found). */
        private double bound = Double.POSITIVE_INFINITY;
        int[] candidate = new int[16];
        double[] candidateDistance = new double[16];
        int count;

        Search(int row, double[] point, int m, Ties.Bound ties, boolean excludeSelf) {
            this.row = row;
            this.point = point;
            this.excludeSelf = excludeSelf;
            this.ties = ties;
            this.heap = new double[m];
        }

        double bound() {
            return bound;
        }

        void offer(int position, double d2) {
            if (d2 > bound()) {
                return;
            }
            if (count == candidate.length) {
                compact();
                if (2 * count > candidate.length) {
                    candidate = Arrays.copyOf(candidate, 2 * candidate.length);
                    candidateDistance = Arrays.copyOf(candidateDistance, 2 * candidateDistance.length);
                }
            }
            candidate[count] = position;
            candidateDistance[count++] = d2;
            if (heapSize < heap.length) {
                heap[heapSize] = d2;
                siftUp(heapSize++);
            } else if (d2 < heap[0]) {
                heap[0] = d2;
                siftDown();
            } else {
                return;
            }
            if (heapSize == heap.length) {
                bound = ties.limitSquared(heap[0]);
            }
        }

        /** Drops the candidates beyond the current bound. */
        private void compact() {
            double limit = bound();
            int c = 0;
            for (int q = 0; q < count; q++) {
                if (candidateDistance[q] <= limit) {
                    candidate[c] = candidate[q];
                    candidateDistance[c++] = candidateDistance[q];
                }
            }
            count = c;
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (heap[parent] >= heap[i]) {
                    return;
                }
                double t = heap[parent];
                heap[parent] = heap[i];
                heap[i] = t;
                i = parent;
            }
        }

        private void siftDown() {
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                int r = l + 1;
                int largest = i;
                if (l < heapSize && heap[l] > heap[largest]) {
                    largest = l;
                }
                if (r < heapSize && heap[r] > heap[largest]) {
                    largest = r;
                }
                if (largest == i) {
                    return;
                }
                double t = heap[largest];
                heap[largest] = heap[i];
                heap[i] = t;
                i = largest;
            }
        }
    }
}
