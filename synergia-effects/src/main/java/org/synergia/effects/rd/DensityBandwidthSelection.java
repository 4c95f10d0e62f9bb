package org.synergia.effects.rd;

/**
 * rddensity's data-driven bandwidths ({@code rdbwdensity}; Cattaneo, Jansson and Ma 2018, section 3):
 * <ol>
 *   <li>normal-reference pilot bandwidths, {@code c} for the density (order p) and {@code b} for the
 *       derivative in the leading bias (order p + 2), each
 *       {@code sd (K_o phi(z)^-1 He_o(z)^-2 C / N)^(1/(2o+1))} with {@code z} the standardised cutoff,
 *       {@code He} the Hermite polynomials and {@code C} the uniform kernel's constant
 *       ({@link KernelMoments#pilotConstant}); regularised to at most the data's range and at least
 *       the distance to the (20 + p + 3)-th, resp. (20 + p + 1)-th, nearest unit and distinct value
 *       on each side;</li>
 *   <li>the variance constants {@code N c Var} of the order-p fit at {@code c}, the bias constants
 *       {@code F^(p+1)/(p+1)! e' S^-1 C_(p+1)} from the order-(p + 2) fit at {@code b} (the left side's
 *       sign-flipped by {@code (-1)^p}; restricted, from the model's joint constants);</li>
 *   <li>{@code h = (V / (2p B^2 N))^(1/(2p+1))} for the left and right densities, their difference
 *       and their sum, regularised like the pilots with {@code nLocalMin} units and
 *       {@code nUniqueMin} distinct values.</li>
 * </ol>
 */
final class DensityBandwidthSelection {

    private DensityBandwidthSelection() {
    }

    static DensityBandwidths select(DensitySample d, int p, Kernel kernel, DensityModel model, DensityVariance vce,
            boolean regularize, int nLocalMin, int nUniqueMin) {
        int n = d.n;
        double mean = 0;
        for (double v : d.x) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : d.x) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double z = mean / sd;
        double phi = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        double hb = hermite(p + 2, z);
        double hc = hermite(p, z);
        double fb = 1 / (hb * hb * phi);
        double fc = 1 / (hc * hc * phi);
        double bn = Math.pow((2 * p + 1) / 4.0 * fb * KernelMoments.pilotConstant(p + 2, p + 1) / n,
                1.0 / (2 * p + 5)) * sd;
        double cn = Math.pow(1.0 / (2 * p) * fc * KernelMoments.pilotConstant(p, 1) / n, 1.0 / (2 * p + 1)) * sd;
        double range = Math.max(-d.unique[0], d.unique[d.unique.length - 1]);
        if (regularize) {
            bn = Math.min(bn, range);
            cn = Math.min(cn, range);
            if (nLocalMin > 0) {
                bn = Math.max(bn, Math.max(d.nearestLeft(20 + p + 3), d.nearestRight(20 + p + 3)));
                cn = Math.max(cn, Math.max(d.nearestLeft(20 + p + 1), d.nearestRight(20 + p + 1)));
            }
            if (nUniqueMin > 0) {
                bn = Math.max(bn, Math.max(d.nearestUniqueLeft(20 + p + 3), d.nearestUniqueRight(20 + p + 3)));
                cn = Math.max(cn, Math.max(d.nearestUniqueLeft(20 + p + 1), d.nearestUniqueRight(20 + p + 1)));
            }
        }
        DensityFit fitB = new DensityFit(d, bn, bn, p + 2, p + 1, kernel, model, vce);
        DensityFit fitC = new DensityFit(d, cn, cn, p, 1, kernel, model, vce);
        double[] variance = new double[4];
        for (int i = 0; i < 4; i++) {
            variance[i] = n * cn * fitC.variance[i];
        }
        double[] bias = new double[4];
        if (model == DensityModel.UNRESTRICTED) {
            double sc = KernelMoments.biasConstant(kernel, p);
            bias[0] = fitB.derivativeLeft * sc * (p % 2 == 0 ? 1 : -1);
            bias[1] = fitB.derivativeRight * sc;
        } else {
            double[][] sPlus = DensityFit.restrictedRight(KernelMoments.s(kernel, p), p);
            double[] cPlus = DensityFit.restrictedRight(KernelMoments.c(kernel, p + 1, p), p);
            double[][] psi = DensityFit.reflection(p);
            double[][] sMinus = KernelMoments.times(KernelMoments.times(psi, sPlus), psi);
            double[] cMinus = KernelMoments.times(psi, cPlus);
            int k = p + 2;
            double[][] a = new double[k][k];
            double[] c = new double[k];
            double sign = (p + 1) % 2 == 0 ? 1 : -1;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    a[i][j] = fitC.densityRight * sPlus[i][j] + fitC.densityLeft * sMinus[i][j];
                }
                c[i] = fitB.derivativeLeft * (fitC.densityRight * cPlus[i] + sign * fitC.densityLeft * cMinus[i]);
            }
            double[] t = KernelMoments.times(KernelMoments.inverse(a), c);
            bias[0] = t[1];
            bias[1] = t[2];
        }
        bias[2] = bias[1] - bias[0];
        bias[3] = bias[1] + bias[0];
        double[] h = new double[4];
        for (int i = 0; i < 4; i++) {
            double b2 = bias[i] * bias[i];
            bias[i] = b2;
            if (!(variance[i] >= 0)) {
                // rddensity gives a negative variance constant the bandwidth 0 (regularisation then widens it)
                h[i] = 0;
                variance[i] = Double.NaN;
            } else {
                h[i] = Math.pow(1.0 / (2 * p) * variance[i] / b2 / n, 1.0 / (2 * p + 1));
                if (Double.isNaN(h[i])) {
                    h[i] = 0;
                }
            }
        }
        if (regularize) {
            h[0] = Math.min(h[0], -d.unique[0]);
            h[1] = Math.min(h[1], d.unique[d.unique.length - 1]);
            h[2] = Math.min(h[2], range);
            h[3] = Math.min(h[3], range);
            if (nLocalMin > 0) {
                widen(h, d.nearestLeft(nLocalMin), d.nearestRight(nLocalMin));
            }
            if (nUniqueMin > 0) {
                widen(h, d.nearestUniqueLeft(nUniqueMin), d.nearestUniqueRight(nUniqueMin));
            }
        }
        return new DensityBandwidths(new DensityBandwidths.Candidate(h[0], variance[0], bias[0]),
                new DensityBandwidths.Candidate(h[1], variance[1], bias[1]),
                new DensityBandwidths.Candidate(h[2], variance[2], bias[2]),
                new DensityBandwidths.Candidate(h[3], variance[3], bias[3]));
    }

    private static void widen(double[] h, double left, double right) {
        h[0] = Math.max(h[0], left);
        h[1] = Math.max(h[1], right);
        h[2] = Math.max(h[2], Math.max(left, right));
        h[3] = Math.max(h[3], Math.max(left, right));
    }

    /** The probabilists' Hermite polynomial {@code He_k(z)}, {@code He_(k+1) = z He_k - k He_(k-1)}. */
    static double hermite(int k, double z) {
        double prev = 1;
        if (k == 0) {
            return prev;
        }
        double cur = z;
        for (int j = 1; j < k; j++) {
            double next = z * cur - j * prev;
            prev = cur;
            cur = next;
        }
        return cur;
    }
}
