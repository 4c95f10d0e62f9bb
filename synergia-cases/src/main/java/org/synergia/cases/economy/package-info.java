/**
 * A case's local economy-wide impact evaluation inside the main job:
 * {@link org.synergia.cases.economy.LocalEconomyEvaluation} calibrates a LEWIE model
 * ({@code org.synergia.lewie}) from the economy module of the case's simulated survey and simulates
 * the programme's transfer, alone and with the productive shock its impact evaluation estimated,
 * with Monte Carlo intervals; the results are stored as model {@code lewie}.
 */
package org.synergia.cases.economy;
