package org.synergia.effects.rd;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

/**
 * The kernel integrals on {@code [0, 1]} that the local polynomial density estimator's asymptotic
 * variance and bias are made of (Cattaneo, Jansson and Ma 2020, "Simple local polynomial density
 * estimators", JASA 115, Theorem 1 and section 2.2, at a boundary point):
 * <ul>
 *   <li>{@code S[i][j] = ∫ x^(i+j) K(x) dx}, the limit of the scaled Gram matrix;</li>
 *   <li>{@code C_m[i] = ∫ x^(i+m) K(x) dx}, the leading bias of a fit of the order of {@code S};</li>
 *   <li>{@code G[i][j] = ∫∫ x^i y^j min(x, y) K(x) K(y) dx dy}, the limit of the variance of the
 *       distribution-function regression (its influence function is built from {@code min(x, y)}).</li>
 * </ul>
 * Every kernel is a polynomial on {@code [0, 1]}, so these are exact sums of reciprocals. Indices
 * are 0-based: entry {@code [1]} belongs to the first power, whose coefficient estimates the density.
 */
final class KernelMoments {

    /** Exact constants already computed, by kernel and order. */
    private static final Map<String, Double> CACHE = new ConcurrentHashMap<>();

    private KernelMoments() {
    }

    /** @return the coefficients of {@code K(x)} for {@code 0 <= x <= 1}, lowest power first */
    private static double[] polynomial(Kernel kernel) {
        return switch (kernel) {
            case TRIANGULAR -> new double[] {1, -1};
            case EPANECHNIKOV -> new double[] {0.75, 0, -0.75};
            case UNIFORM -> new double[] {0.5};
        };
    }

    /** @return {@code ∫_0^1 x^m K(x) dx} */
    static double moment(Kernel kernel, int m) {
        double[] k = polynomial(kernel);
        double s = 0;
        for (int a = 0; a < k.length; a++) {
            s += k[a] / (m + a + 1);
        }
        return s;
    }

    /** @return {@code S}, of size {@code order + 1} */
    static double[][] s(Kernel kernel, int order) {
        double[][] s = new double[order + 1][order + 1];
        for (int i = 0; i <= order; i++) {
            for (int j = 0; j <= order; j++) {
                s[i][j] = moment(kernel, i + j);
            }
        }
        return s;
    }

    /** @return {@code C_m}, of size {@code order + 1} */
    static double[] c(Kernel kernel, int m, int order) {
        double[] c = new double[order + 1];
        for (int i = 0; i <= order; i++) {
            c[i] = moment(kernel, i + m);
        }
        return c;
    }

    /**
     * {@code G[i][j]}: splitting the square at the diagonal, {@code ∫_0^1 y^j K(y) ∫_0^y x^(i+1) K(x)}
     * plus the same with {@code i} and {@code j} exchanged, each term of the kernels' polynomials
     * integrating to {@code k_a k_b / ((i + a + 2)(i + j + a + b + 3))}.
     *
     * @return {@code G}, of size {@code order + 1}
     */
    static double[][] g(Kernel kernel, int order) {
        double[] k = polynomial(kernel);
        double[][] g = new double[order + 1][order + 1];
        for (int i = 0; i <= order; i++) {
            for (int j = 0; j <= order; j++) {
                double s = 0;
                for (int a = 0; a < k.length; a++) {
                    for (int b = 0; b < k.length; b++) {
                        double outer = i + j + a + b + 3;
                        s += k[a] * k[b] * (1 / ((i + a + 2) * outer) + 1 / ((j + a + 2) * outer));
                    }
                }
                g[i][j] = s;
            }
        }
        return g;
    }

    /** @return the inverse of a small non-singular matrix (LU with partial pivoting, as R's {@code solve}) */
    static double[][] inverse(double[][] a) {
        return new LUDecomposition(MatrixUtils.createRealMatrix(a), 0).getSolver().getInverse().getData();
    }

    /** @return {@code a b} */
    static double[][] times(double[][] a, double[][] b) {
        RealMatrix m = MatrixUtils.createRealMatrix(a).multiply(MatrixUtils.createRealMatrix(b));
        return m.getData();
    }

    /** @return {@code a v} */
    static double[] times(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += a[i][j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    /**
     * {@code (S^-1 G S^-1)[1][1]}, the variance constant of the density coefficient at this order,
     * computed in exact rational arithmetic (the moment matrices are Hilbert-like, so a floating-point
     * inverse loses digits quickly as the order grows).
     */
    static double varianceConstant(Kernel kernel, int order) {
        return CACHE.computeIfAbsent("v" + kernel + order, key -> {
            Rational[][] si = Rational.inverse(Rational.s(kernel, order));
            Rational[] col = Rational.times(Rational.times(si, Rational.g(kernel, order)), Rational.column(si, 1));
            return col[1].doubleValue();
        });
    }

    /** {@code (S^-1 C_(order+1))[1]}, the bias constant of the density coefficient, exactly. */
    static double biasConstant(Kernel kernel, int order) {
        return CACHE.computeIfAbsent("b" + kernel + order, key -> {
            Rational[][] si = Rational.inverse(Rational.s(kernel, order));
            return Rational.times(si, Rational.c(kernel, order + 1, order))[1].doubleValue();
        });
    }

    /**
     * The constant of the normal-reference pilot bandwidth of a fit of order {@code order} for the
     * coefficient of power {@code power}, with the uniform kernel at a boundary point:
     * {@code ((order + 1)!)^2 V / B^2}, {@code V = e' S^-1 G S^-1 e} its variance constant and
     * {@code B = e' S^-1 C_(order+1)} its bias constant, in exact arithmetic. rddensity's pilots
     * (Cattaneo, Jansson and Ma 2018, Stata Journal 18, section 3) use {@code order = p} and
     * {@code power = 1} for the density, {@code order = p + 2} and {@code power = p + 1} for the
     * bias's derivative; rddensity tabulates these constants, to 1e-8 for p up to 4 and less
     * precisely above.
     */
    static double pilotConstant(int order, int power) {
        return CACHE.computeIfAbsent("p" + order + "," + power, key -> {
            Rational[][] si = Rational.inverse(Rational.s(Kernel.UNIFORM, order));
            Rational[] col = Rational.times(Rational.times(si, Rational.g(Kernel.UNIFORM, order)), Rational.column(si, power));
            Rational b = Rational.times(si, Rational.c(Kernel.UNIFORM, order + 1, order))[power];
            Rational f = Rational.of(BigInteger.valueOf((long) factorial(order + 1)), BigInteger.ONE);
            return f.times(f).times(col[power]).divide(b.times(b)).doubleValue();
        });
    }

    static double factorial(int m) {
        double f = 1;
        for (int i = 2; i <= m; i++) {
            f *= i;
        }
        return f;
    }

    private static double[] unit(int size, int index) {
        double[] e = new double[size];
        e[index] = 1;
        return e;
    }

    /** A fraction of big integers, for the exact kernel constants. */
    private record Rational(BigInteger num, BigInteger den) {

        static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);

        static Rational of(BigInteger num, BigInteger den) {
            if (den.signum() < 0) {
                num = num.negate();
                den = den.negate();
            }
            BigInteger g = num.gcd(den);
            return g.signum() == 0 || g.equals(BigInteger.ONE) ? new Rational(num, den)
                    : new Rational(num.divide(g), den.divide(g));
        }

        static Rational of(long num, long den) {
            return of(BigInteger.valueOf(num), BigInteger.valueOf(den));
        }

        Rational plus(Rational o) {
            return of(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
        }

        Rational minus(Rational o) {
            return plus(new Rational(o.num.negate(), o.den));
        }

        Rational times(Rational o) {
            return of(num.multiply(o.num), den.multiply(o.den));
        }

        Rational divide(Rational o) {
            return of(num.multiply(o.den), den.multiply(o.num));
        }

        double doubleValue() {
            return new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL128).doubleValue();
        }

        /** The kernel's coefficients on [0, 1] as fractions. */
        static Rational[] polynomial(Kernel kernel) {
            return switch (kernel) {
                case TRIANGULAR -> new Rational[] {of(1, 1), of(-1, 1)};
                case EPANECHNIKOV -> new Rational[] {of(3, 4), ZERO, of(-3, 4)};
                case UNIFORM -> new Rational[] {of(1, 2)};
            };
        }

        static Rational moment(Kernel kernel, int m) {
            Rational[] k = polynomial(kernel);
            Rational s = ZERO;
            for (int a = 0; a < k.length; a++) {
                s = s.plus(k[a].times(of(1, m + a + 1)));
            }
            return s;
        }

        static Rational[][] s(Kernel kernel, int order) {
            Rational[][] s = new Rational[order + 1][order + 1];
            for (int i = 0; i <= order; i++) {
                for (int j = 0; j <= order; j++) {
                    s[i][j] = moment(kernel, i + j);
                }
            }
            return s;
        }

        static Rational[] c(Kernel kernel, int m, int order) {
            Rational[] c = new Rational[order + 1];
            for (int i = 0; i <= order; i++) {
                c[i] = moment(kernel, i + m);
            }
            return c;
        }

        static Rational[][] g(Kernel kernel, int order) {
            Rational[] k = polynomial(kernel);
            Rational[][] g = new Rational[order + 1][order + 1];
            for (int i = 0; i <= order; i++) {
                for (int j = 0; j <= order; j++) {
                    Rational s = ZERO;
                    for (int a = 0; a < k.length; a++) {
                        for (int b = 0; b < k.length; b++) {
                            long outer = i + j + a + b + 3;
                            s = s.plus(k[a].times(k[b]).times(of(1, (i + a + 2) * outer).plus(of(1, (j + a + 2) * outer))));
                        }
                    }
                    g[i][j] = s;
                }
            }
            return g;
        }

        /** Gauss-Jordan inverse of a non-singular matrix. */
        static Rational[][] inverse(Rational[][] m) {
            int n = m.length;
            Rational[][] a = new Rational[n][2 * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] = m[i][j];
                    a[i][n + j] = i == j ? of(1, 1) : ZERO;
                }
            }
            for (int col = 0; col < n; col++) {
                int pivot = col;
                while (a[pivot][col].num().signum() == 0) {
                    pivot++;
                }
                Rational[] t = a[col];
                a[col] = a[pivot];
                a[pivot] = t;
                Rational pv = a[col][col];
                for (int j = 0; j < 2 * n; j++) {
                    a[col][j] = a[col][j].divide(pv);
                }
                for (int r = 0; r < n; r++) {
                    if (r != col && a[r][col].num().signum() != 0) {
                        Rational f = a[r][col];
                        for (int j = 0; j < 2 * n; j++) {
                            a[r][j] = a[r][j].minus(f.times(a[col][j]));
                        }
                    }
                }
            }
            Rational[][] out = new Rational[n][n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(a[i], n, out[i], 0, n);
            }
            return out;
        }

        static Rational[][] times(Rational[][] a, Rational[][] b) {
            Rational[][] out = new Rational[a.length][b[0].length];
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < b[0].length; j++) {
                    Rational s = ZERO;
                    for (int k = 0; k < b.length; k++) {
                        s = s.plus(a[i][k].times(b[k][j]));
                    }
                    out[i][j] = s;
                }
            }
            return out;
        }

        static Rational[] times(Rational[][] a, Rational[] v) {
            Rational[] out = new Rational[a.length];
            for (int i = 0; i < a.length; i++) {
                Rational s = ZERO;
                for (int k = 0; k < v.length; k++) {
                    s = s.plus(a[i][k].times(v[k]));
                }
                out[i] = s;
            }
            return out;
        }

        static Rational[] column(Rational[][] a, int j) {
            Rational[] out = new Rational[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i][j];
            }
            return out;
        }
    }
}
