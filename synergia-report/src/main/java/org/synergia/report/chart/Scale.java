package org.synergia.report.chart;

import java.util.ArrayList;
import java.util.List;

/** A linear axis from data values to pixels, with "nice" tick values. */
final class Scale {
    final double min;
    final double max;
    private final double from;
    private final double to;

    private Scale(double min, double max, double from, double to) {
        this.min = min;
        this.max = max;
        this.from = from;
        this.to = to;
    }

    /** A scale covering [low, high] (and zero when {@code withZero}), padded to nice values. */
    static Scale covering(double low, double high, boolean withZero, double from, double to) {
        if (withZero) {
            low = Math.min(low, 0);
            high = Math.max(high, 0);
        }
        if (!(high > low)) {
            high = low + 1;
        }
        double step = niceStep((high - low) / 5);
        return new Scale(Math.floor(low / step) * step, Math.ceil(high / step) * step, from, to);
    }

    double px(double v) {
        return from + (v - min) / (max - min) * (to - from);
    }

    List<Double> ticks() {
        double step = niceStep((max - min) / 5);
        List<Double> out = new ArrayList<>();
        for (double v = min; v <= max + step / 1e6; v += step) {
            out.add(Math.abs(v) < step / 1e6 ? 0 : v);
        }
        return out;
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
    }

    static String format(double v) {
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(java.util.Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10 || v == Math.rint(v)) {
            return String.format(java.util.Locale.ROOT, "%.0f", v);
        }
        return String.format(java.util.Locale.ROOT, a >= 1 ? "%.1f" : "%.2f", v);
    }
}
