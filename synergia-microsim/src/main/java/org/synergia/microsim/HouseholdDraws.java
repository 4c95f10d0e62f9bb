package org.synergia.microsim;

/**
 * Per-household random numbers that depend only on the seed, the household id and a stream
 * number (SplitMix64 finaliser, Steele, Lea &amp; Flood 2014), never on row order or partitioning:
 * the same household gets the same take-up draw in every engine.
 */
final class HouseholdDraws {

    private HouseholdDraws() {}

    /**
     * @param seed the run's seed
     * @param id household id (or draw index)
     * @param stream which draw for this household
     * @return a 64-bit hash
     */
    static long mix(long seed, long id, int stream) {
        long z = seed * 0x9E3779B97F4A7C15L + id * 0xBF58476D1CE4E5B9L + (stream + 1L) * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * @param seed the run's seed
     * @param id household id
     * @param stream which draw for this household
     * @return a uniform in [0, 1)
     */
    static double uniform(long seed, long id, int stream) {
        return (mix(seed, id, stream) >>> 11) * 0x1.0p-53;
    }
}
