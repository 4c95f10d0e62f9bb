package org.synergia.lewie.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.synergia.lewie.params.LewieParameters;
import org.synergia.lewie.params.Share;

/**
 * Draws parameters from their sampling distributions for Monte Carlo intervals (Taylor and
 * Filipski 2014, ch. 6): each share with a positive standard error is drawn from a normal
 * distribution truncated to (0, 1); shares that must sum to one (factor shares of an activity,
 * budget shares of a group) are then rescaled; intermediate shares of an activity and a group's
 * savings, outside-spending and transfers-out shares are redrawn together until they leave a
 * positive remainder. Quantities (output, expenditure, households) are kept at their means.
 */
final class ParameterSampler {

    private static final int MAX_TRIES = 10_000;

    private ParameterSampler() {
    }

    /**
     * @param p the point estimates
     * @param rng the draw's random stream
     * @return one draw of the parameters
     */
    static LewieParameters draw(LewieParameters p, SplittableRandom rng) {
        List<LewieParameters.Activity> activities = new ArrayList<>();
        for (LewieParameters.Activity a : p.activities()) {
            Map<String, Share> factors = rescaled(drawAll(a.factorShares(), rng));
            Map<String, Share> inter = a.intermediateShares();
            for (int t = 0; t < MAX_TRIES; t++) {
                inter = drawAll(a.intermediateShares(), rng);
                if (total(inter) < 1) {
                    break;
                }
            }
            activities.add(a.withShares(factors, inter));
        }
        List<LewieParameters.Group> groups = new ArrayList<>();
        for (LewieParameters.Group g : p.groups()) {
            Map<String, Share> budget = rescaled(drawAll(g.budgetShares(), rng));
            Share s = g.savings();
            Share o = g.outside();
            Share t = g.transfersOut();
            for (int i = 0; i < MAX_TRIES; i++) {
                s = draw(g.savings(), rng);
                o = draw(g.outside(), rng);
                t = draw(g.transfersOut(), rng);
                if (s.value() + o.value() + t.value() < 1) {
                    break;
                }
            }
            groups.add(g.withShares(budget, s, o, t));
        }
        return p.with(groups, activities);
    }

    private static Map<String, Share> drawAll(Map<String, Share> shares, SplittableRandom rng) {
        Map<String, Share> out = new LinkedHashMap<>();
        shares.forEach((k, v) -> out.put(k, draw(v, rng)));
        return out;
    }

    /** A normal draw truncated to (0, 1) by rejection; the point value when the SE is zero. */
    private static Share draw(Share s, SplittableRandom rng) {
        if (s.se() == 0) {
            return s;
        }
        for (int i = 0; i < MAX_TRIES; i++) {
            double v = s.value() + s.se() * rng.nextGaussian();
            if (v > 0 && v < 1) {
                return new Share(v, s.se());
            }
        }
        return s;
    }

    private static Map<String, Share> rescaled(Map<String, Share> shares) {
        double total = total(shares);
        Map<String, Share> out = new LinkedHashMap<>();
        shares.forEach((k, v) -> out.put(k, new Share(v.value() / total, v.se())));
        return out;
    }

    private static double total(Map<String, Share> shares) {
        double t = 0;
        for (Share s : shares.values()) {
            t += s.value();
        }
        return t;
    }
}
