/** Calibration of LEWIE parameters from a household survey: weighted means, ratios and production regressions. */
package org.synergia.lewie.survey;
