/**
 * Standard food-security and livelihood indicators computed from item-level survey columns:
 * {@link org.synergia.measures.indicators.FoodConsumptionScore},
 * {@link org.synergia.measures.indicators.DietaryDiversity} (HDDS and the FIES raw score),
 * {@link org.synergia.measures.indicators.Hfias},
 * {@link org.synergia.measures.indicators.HouseholdHungerScale},
 * {@link org.synergia.measures.indicators.ReducedCopingStrategiesIndex} and
 * {@link org.synergia.measures.indicators.TropicalLivestockUnits}. Each checks its items' ranges and
 * follows one missing-item rule: a household with any item missing gets a missing score (NaN), no
 * item is imputed. The case pipeline computes a plan's indicator outcomes with them before
 * estimation.
 */
package org.synergia.measures.indicators;
