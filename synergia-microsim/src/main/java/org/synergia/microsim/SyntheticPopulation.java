package org.synergia.microsim;

import java.io.Serializable;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.synergia.data.InputException;

/**
 * A synthetic national household population built from public aggregates (household count,
 * regions' shares and rural shares, urban and rural poverty rates at the national line, household
 * size), so that national-scale runs need no restricted microdata. Household {@code id}'s
 * attributes come from a generator seeded by {@code (seed, id)} only, so any id range can be
 * generated anywhere (threads, Spark partitions) with identical results. Consumption per capita
 * is lognormal within urban and rural areas, {@code ln y ~ N(mu, sigma^2)} with
 * {@code mu = ln z - sigma Phi^-1(p)} so that the share below the line {@code z} is the
 * published rate {@code p}, shifted down by {@code sizeGradient} per member above the
 * person-weighted mean size {@code E[s^2]/E[s]} of the area (so the rates hold over persons). The
 * proxy-means score is {@code ln y + N(0, pmtNoise^2)}. All figures are approximations, documented
 * with their sources in {@code docs/microsim.md}.
 *
 * @param country country name
 * @param households national number of households (the weights sum to it)
 * @param regions regions with household shares and rural shares
 * @param povertyLine the national poverty line (consumption per capita per year)
 * @param urbanPoverty urban headcount at the line
 * @param ruralPoverty rural headcount at the line
 * @param sigma SD of log consumption per capita within area
 * @param urbanMeanSize urban mean household size
 * @param ruralMeanSize rural mean household size
 * @param sizeGradient fall in log consumption per capita per member above the person-weighted mean size
 * @param pmtNoise SD of the proxy-means score around log consumption
 * @param ruralFarming share of rural households farming
 * @param urbanFarming share of urban households farming
 */
public record SyntheticPopulation(String country, long households, List<Region> regions, double povertyLine,
        double urbanPoverty, double ruralPoverty, double sigma, double urbanMeanSize, double ruralMeanSize,
        double sizeGradient, double pmtNoise, double ruralFarming, double urbanFarming) implements Serializable {

    /**
     * A region.
     *
     * @param name name
     * @param householdShare share of national households
     * @param ruralShare share of its households that are rural
     */
    public record Region(String name, double householdShare, double ruralShare) implements Serializable {}

    /** Copies the regions. */
    public SyntheticPopulation {
        regions = List.copyOf(regions);
        if (regions.isEmpty() || households < 1) {
            throw new InputException("synthetic population of " + country + ": needs regions and households");
        }
    }

    /**
     * Zambia, approximately: 3.2 million households, 10 provinces (2010 Census shares), 60% rural,
     * headcount 54.4% at the national line (LCMS 2015: urban 23.4%, rural 76.6%); see
     * {@code docs/microsim.md}.
     *
     * @return the specification
     */
    public static SyntheticPopulation zambia() {
        List<Region> r = List.of(new Region("Central", 0.098, 0.75), new Region("Copperbelt", 0.153, 0.19),
                new Region("Eastern", 0.126, 0.88), new Region("Luapula", 0.077, 0.80),
                new Region("Lusaka", 0.167, 0.15), new Region("Muchinga", 0.055, 0.82),
                new Region("Northern", 0.087, 0.81), new Region("North-Western", 0.056, 0.77),
                new Region("Southern", 0.122, 0.75), new Region("Western", 0.069, 0.87));
        // LCMS 2015 national poverty line: K214 per adult equivalent per month = K2,568 per year
        return new SyntheticPopulation("zambia", 3_200_000L, r, 2568, 0.234, 0.766, 0.85, 4.8, 5.2, 0.05, 0.45, 0.9,
                0.15);
    }

    /**
     * @param name a country name
     * @return its specification
     */
    public static SyntheticPopulation forCountry(String name) {
        if (name.equalsIgnoreCase("zambia")) {
            return zambia();
        }
        throw new InputException("no synthetic population for country '" + name + "'; available: zambia");
    }

    /**
     * Generates households {@code first .. first+count-1} of a population of {@code total}
     * generated households into a chunk (cleared first).
     *
     * @param first first household id (0-based)
     * @param count how many
     * @param total total generated households (weights are {@code households / total})
     * @param seed the seed
     * @param out the chunk
     */
    public void generate(long first, int count, long total, long seed, PopulationChunk out) {
        out.clear();
        double w = (double) households / total;
        double shareSum = regions.stream().mapToDouble(Region::householdShare).sum();
        double muUrban = Math.log(povertyLine) - sigma * inverseNormal(urbanPoverty);
        double muRural = Math.log(povertyLine) - sigma * inverseNormal(ruralPoverty);
        for (long id = first; id < first + count; id++) {
            SplittableRandom rng = new SplittableRandom(HouseholdDraws.mix(seed, id, 99));
            double u = rng.nextDouble() * shareSum;
            int region = 0;
            double c = regions.get(0).householdShare();
            while (u >= c && region < regions.size() - 1) {
                region++;
                c += regions.get(region).householdShare();
            }
            boolean rural = rng.nextDouble() < regions.get(region).ruralShare();
            int size = 1 + poisson(rng, (rural ? ruralMeanSize : urbanMeanSize) - 1);
            double lambda = (rural ? ruralMeanSize : urbanMeanSize) - 1;
            double personMeanSize = (lambda + (1 + lambda) * (1 + lambda)) / (1 + lambda);
            double logY = (rural ? muRural : muUrban) - sizeGradient * (size - personMeanSize) + sigma * rng.nextGaussian();
            double score = logY + pmtNoise * rng.nextGaussian();
            boolean schoolChild = rng.nextDouble() < Math.min(0.95, 0.15 * size);
            boolean farming = rng.nextDouble() < (rural ? ruralFarming : urbanFarming);
            out.add(id, w, region + 1, rural, Math.exp(logY), size, score, schoolChild, farming);
        }
    }

    private static int poisson(SplittableRandom rng, double lambda) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = rng.nextDouble();
        while (p > l) {
            k++;
            p *= rng.nextDouble();
        }
        return k;
    }

    private static double inverseNormal(double p) {
        return new NormalDistribution(0, 1).inverseCumulativeProbability(p);
    }
}
