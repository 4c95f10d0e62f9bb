package org.synergia.cases.simulate;

import java.util.Map;
import org.hipparchus.random.RandomDataGenerator;

/**
 * The household characteristics of a simulated survey, drawn around a country profile, with
 * village-level components so that neighbours resemble each other. Every covariate is also
 * available standardised, for selection and outcome equations.
 */
final class Households {

    /** The covariates, in the order they are written to the survey. */
    static final String[] COVARIATES = {"hh_size", "female_head", "head_age", "head_educ", "land_ha", "livestock", "dist_market"};

    /** How each standardised covariate shifts latent well-being (before rescaling to unit variance). */
    private static final double[] WELL_BEING_WEIGHTS = {-0.2, -0.25, 0.1, 0.35, 0.4, 0.3, -0.3};

    final int n;
    final int[] cluster;
    final int[] area;
    final double[][] values;
    final double[][] standardised;
    /** standardised index of well-being from covariates (unit variance in the sample) */
    final double[] wellBeingIndex;
    /** village random effects (unit variance) */
    final double[] clusterEffect;

    private Households(int n, int[] cluster, int[] area, double[][] values, double[] clusterEffect) {
        this.n = n;
        this.cluster = cluster;
        this.area = area;
        this.values = values;
        this.clusterEffect = clusterEffect;
        this.standardised = new double[values.length][];
        for (int j = 0; j < values.length; j++) {
            standardised[j] = standardise(values[j]);
        }
        double[] index = new double[n];
        for (int j = 0; j < values.length; j++) {
            for (int i = 0; i < n; i++) {
                index[i] += WELL_BEING_WEIGHTS[j] * standardised[j][i];
            }
        }
        this.wellBeingIndex = standardise(index);
    }

    /**
     * Draws households spread evenly over villages, and villages over areas.
     *
     * @param n households
     * @param clusters villages
     * @param areas number of areas
     * @param profile country means (hh_size, female_head, head_age, head_educ, land_ha, livestock, dist_market)
     * @param random the random source
     */
    static Households draw(int n, int clusters, int areas, Map<String, Double> profile, RandomDataGenerator random) {
        double[] villageLand = new double[clusters];
        double[] villageDistance = new double[clusters];
        double[] villageEffect = new double[clusters];
        for (int c = 0; c < clusters; c++) {
            villageLand[c] = Math.exp(0.3 * random.nextGaussian() - 0.045);
            villageDistance[c] = Math.exp(0.4 * random.nextGaussian() - 0.08);
            villageEffect[c] = random.nextGaussian();
        }
        int[] cluster = new int[n];
        int[] area = new int[n];
        double[][] x = new double[COVARIATES.length][n];
        double size = profile.getOrDefault("hh_size", 5.0);
        double female = profile.getOrDefault("female_head", 0.3);
        double age = profile.getOrDefault("head_age", 45.0);
        double educ = profile.getOrDefault("head_educ", 4.0);
        double land = profile.getOrDefault("land_ha", 2.0);
        double livestock = profile.getOrDefault("livestock", 1.0);
        double distance = profile.getOrDefault("dist_market", 10.0);
        for (int i = 0; i < n; i++) {
            int c = (int) ((long) i * clusters / n);
            cluster[i] = c;
            area[i] = c % Math.max(1, areas);
            x[0][i] = 1 + random.nextPoisson(Math.max(0.1, size - 1));
            x[1][i] = random.nextDouble() < female ? 1 : 0;
            x[2][i] = Math.rint(Math.min(90, Math.max(18, age + 12 * random.nextGaussian())));
            x[3][i] = Math.max(0, Math.rint(educ + 3 * random.nextGaussian()));
            x[4][i] = round2(villageLand[c] * random.nextGamma(2, land / 2));
            x[5][i] = round2(random.nextGamma(1.5, livestock / 1.5));
            x[6][i] = round2(villageDistance[c] * random.nextGamma(3, distance / 3));
        }
        double[] effect = new double[n];
        for (int i = 0; i < n; i++) {
            effect[i] = villageEffect[cluster[i]];
        }
        return new Households(n, cluster, area, x, effect);
    }

    /** @return the standardised covariate of that name */
    double[] standardised(String covariate) {
        for (int j = 0; j < COVARIATES.length; j++) {
            if (COVARIATES[j].equals(covariate)) {
                return standardised[j];
            }
        }
        throw new IllegalArgumentException("no simulated covariate " + covariate + "; the covariates are "
                + String.join(", ", COVARIATES));
    }

    /**
     * Latent well-being with the given share explained by covariates and intra-cluster correlation.
     *
     * @param r2 share of variance explained by covariates
     * @param icc share of variance between villages
     * @param random the random source
     * @return one unit-variance latent value per household
     */
    double[] latent(double r2, double icc, RandomDataGenerator random) {
        double idiosyncratic = Math.sqrt(Math.max(0, 1 - r2 - icc));
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            eta[i] = Math.sqrt(r2) * wellBeingIndex[i] + Math.sqrt(icc) * clusterEffect[i] + idiosyncratic * random.nextGaussian();
        }
        return eta;
    }

    private static double[] standardise(double[] v) {
        double mean = 0;
        for (double d : v) {
            mean += d;
        }
        mean /= v.length;
        double ss = 0;
        for (double d : v) {
            ss += (d - mean) * (d - mean);
        }
        double sd = Math.sqrt(ss / Math.max(1, v.length - 1));
        double[] z = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            z[i] = sd > 0 ? (v[i] - mean) / sd : 0;
        }
        return z;
    }

    private static double round2(double v) {
        return Math.rint(v * 100) / 100;
    }
}
