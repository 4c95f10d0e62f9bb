package org.synergia.effects.potentialoutcomes;

/** The four potential-outcome estimators and the models each one fits. */
enum Method {
    /** Regression adjustment: outcome models only. */
    RA(true, false),
    /** Inverse-probability weighting with normalised weights: treatment model only. */
    IPW(false, true),
    /** Augmented IPW (doubly robust): both models, outcome models unweighted. */
    AIPW(true, true),
    /** IPW regression adjustment (doubly robust): outcome models weighted by the inverse probabilities. */
    IPWRA(true, true);

    final boolean outcomeModel;
    final boolean treatmentModel;

    Method(boolean outcomeModel, boolean treatmentModel) {
        this.outcomeModel = outcomeModel;
        this.treatmentModel = treatmentModel;
    }

    /** @return the name the command line uses */
    String commandName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
