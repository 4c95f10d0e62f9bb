/**
 * LEWIE: local economy-wide impact evaluation (Taylor and Filipski 2014, <i>Beyond Experiments in
 * Development Economics</i>, Oxford University Press). Subpackages: {@code params} (the calibrated
 * shares and quantities, and the parameter file), {@code survey} (calibration from a household
 * survey), {@code model} (the calibrated economy and its equations), {@code solve} (Newton solver),
 * {@code simulation} (transfers, productive shocks, multipliers, Monte Carlo intervals).
 */
package org.synergia.lewie;
