package org.synergia.effects.potentialoutcomes;

import java.util.Objects;
import org.synergia.stats.glm.Link;

/**
 * The immutable options shared by the potential-outcome estimators.
 *
 * @param estimand ATE, ATT or POmeans
 * @param outcomeModel the model fitted in each arm
 * @param link the binary treatment model's link
 * @param control the control level, or {@code null} for the lowest level
 * @param treatedLevel the treated level for ATT, or {@code null} for the default (synergy's combined arm, else the highest level)
 * @param synergy the factorial interaction to report, or {@code null}
 * @param overlapRule what to do with scores outside the bounds
 * @param overlapBound the bound {@code b}: scores must lie in {@code [b, 1 - b]}
 * @param confidenceLevel the level of the confidence intervals
 * @param threads worker threads for the model fits and the passes over observations
 * @param weights the dataset's sampling-weight variable, or {@code null}
 * @param cluster the dataset's cluster variable, or {@code null}
 * @param balance whether the result reports covariate balance under the treatment model's weights
 * @param trimming the user's trimming of the estimated scores before estimation
 */
record Settings(Estimand estimand, OutcomeModel outcomeModel, Link link, Double control, Double treatedLevel,
        Synergy synergy, OverlapRule overlapRule, double overlapBound, double confidenceLevel, int threads,
        String weights, String cluster, boolean balance, ScoreTrimming trimming) {

    static final Settings DEFAULTS = new Settings(Estimand.ATE, OutcomeModel.LINEAR, Link.LOGIT, null, null, null,
            OverlapRule.REFUSE, 1e-5, 0.95, Runtime.getRuntime().availableProcessors(), null, null, false, ScoreTrimming.NONE);

    Settings {
        Objects.requireNonNull(estimand, "estimand");
        Objects.requireNonNull(outcomeModel, "outcomeModel");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(overlapRule, "overlapRule");
        Objects.requireNonNull(trimming, "trimming");
        if (link != Link.LOGIT && link != Link.PROBIT) {
            throw new IllegalArgumentException("a treatment model's link is logit or probit, not " + link);
        }
        if (!(overlapBound >= 0 && overlapBound < 0.5)) {
            throw new IllegalArgumentException("overlap bound must be in [0, 0.5): " + overlapBound);
        }
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + confidenceLevel);
        }
    }

    Settings estimand(Estimand e) {
        return new Settings(e, outcomeModel, link, control, treatedLevel, synergy, overlapRule, overlapBound,
                confidenceLevel, threads, weights, cluster, balance, trimming);
    }

    Settings outcomeModel(OutcomeModel m) {
        return new Settings(estimand, m, link, control, treatedLevel, synergy, overlapRule, overlapBound,
                confidenceLevel, threads, weights, cluster, balance, trimming);
    }

    Settings link(Link l) {
        return new Settings(estimand, outcomeModel, l, control, treatedLevel, synergy, overlapRule, overlapBound,
                confidenceLevel, threads, weights, cluster, balance, trimming);
    }

    Settings control(double c) {
        return new Settings(estimand, outcomeModel, link, c, treatedLevel, synergy, overlapRule, overlapBound,
                confidenceLevel, threads, weights, cluster, balance, trimming);
    }

    Settings treatedLevel(double t) {
        return new Settings(estimand, outcomeModel, link, control, t, synergy, overlapRule, overlapBound,
                confidenceLevel, threads, weights, cluster, balance, trimming);
    }

    Settings synergy(Synergy s) {
        return new Settings(estimand, outcomeModel, link, control, treatedLevel, s, overlapRule, overlapBound,
                confidenceLevel, threads, weights, cluster, balance, trimming);
    }

    Settings overlap(OverlapRule r, double bound) {
        return new Settings(estimand, outcomeModel, link, control, treatedLevel, synergy, r, bound, confidenceLevel,
                threads, weights, cluster, balance, trimming);
    }

    Settings threads(int t) {
        return new Settings(estimand, outcomeModel, link, control, treatedLevel, synergy, overlapRule, overlapBound,
                confidenceLevel, Math.max(1, t), weights, cluster, balance, trimming);
    }

    Settings weights(String variable) {
        return new Settings(estimand, outcomeModel, link, control, treatedLevel, synergy, overlapRule, overlapBound,
                confidenceLevel, threads, variable, cluster, balance, trimming);
    }

    Settings cluster(String variable) {
        return new Settings(estimand, outcomeModel, link, control, treatedLevel, synergy, overlapRule, overlapBound,
                confidenceLevel, threads, weights, variable, balance, trimming);
    }

    Settings confidenceLevel(double level) {
        return new Settings(estimand, outcomeModel, link, control, treatedLevel, synergy, overlapRule, overlapBound,
                level, threads, weights, cluster, balance, trimming);
    }

    Settings balance(boolean b) {
        return new Settings(estimand, outcomeModel, link, control, treatedLevel, synergy, overlapRule, overlapBound,
                confidenceLevel, threads, weights, cluster, b, trimming);
    }

    Settings trimming(ScoreTrimming t) {
        return new Settings(estimand, outcomeModel, link, control, treatedLevel, synergy, overlapRule, overlapBound,
                confidenceLevel, threads, weights, cluster, balance, t);
    }
}
