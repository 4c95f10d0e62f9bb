/**
 * The microsimulation of a bundled case in the main job: {@link org.synergia.microsim.cases.ZambiaScaleUp}
 * reads Zambia's estimated income effects (HGSF, CASU and their synergy) from the results store,
 * runs the national scale-up scenarios on the synthetic Zambia population and stores the outcomes
 * back as model {@code microsim}, for the reports.
 */
package org.synergia.microsim.cases;
