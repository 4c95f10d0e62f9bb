/** Scenarios (transfers, productivity shocks), multipliers and Monte Carlo confidence intervals. */
package org.synergia.lewie.simulation;
