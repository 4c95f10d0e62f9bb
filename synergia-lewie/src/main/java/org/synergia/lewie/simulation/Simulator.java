package org.synergia.lewie.simulation;

import java.util.Arrays;
import org.synergia.data.InputException;
import org.synergia.lewie.model.Economy;
import org.synergia.lewie.model.Equilibrium;
import org.synergia.lewie.model.EquilibriumSystem;
import org.synergia.lewie.model.PriceRegime;
import org.synergia.lewie.params.FactorMarket;
import org.synergia.lewie.solve.NewtonSolver;

/**
 * Runs a scenario on a calibrated economy: first solves the baseline and checks that it
 * replicates the calibrated accounts, then solves the scenario from the baseline and compares
 * the two (Taylor and Filipski 2014, ch. 5). Immutable settings:
 * {@code Simulator.withDefaults().withLabour(LabourSupply.CONSTRAINED)}.
 */
public final class Simulator {

    private static final Simulator DEFAULTS = new Simulator(PriceRegime.FLEXIBLE, LabourSupply.ELASTIC,
            NewtonSolver.withDefaults());

    private final PriceRegime regime;
    private final LabourSupply labour;
    private final NewtonSolver solver;

    private Simulator(PriceRegime regime, LabourSupply labour, NewtonSolver solver) {
        this.regime = regime;
        this.labour = labour;
        this.solver = solver;
    }

    /** @return flexible prices, elastic labour, Newton to a residual of 1e-12 */
    public static Simulator withDefaults() {
        return DEFAULTS;
    }

    /**
     * @param newRegime how prices are determined
     * @return a simulator with that regime
     */
    public Simulator withRegime(PriceRegime newRegime) {
        return new Simulator(newRegime, labour, solver);
    }

    /**
     * @param newLabour the supply of hired factors
     * @return a simulator with that labour supply
     */
    public Simulator withLabour(LabourSupply newLabour) {
        return new Simulator(regime, newLabour, solver);
    }

    /**
     * @param newSolver the Newton solver (tolerance, iterations)
     * @return a simulator using it
     */
    public Simulator withSolver(NewtonSolver newSolver) {
        return new Simulator(regime, labour, newSolver);
    }

    /** @return how prices are determined */
    public PriceRegime regime() {
        return regime;
    }

    /** @return the supply of hired factors */
    public LabourSupply labour() {
        return labour;
    }

    /**
     * Solves the baseline and the scenario.
     *
     * @param economy the calibrated economy
     * @param scenario the transfers and shocks
     * @return baseline, scenario and their comparison
     * @throws InputException when the scenario names an unknown group or activity, or the model
     *     does not converge
     */
    public SimulationResult simulate(Economy economy, Scenario scenario) {
        int nH = economy.groups().size();
        int nK = economy.activityCount();
        double[] elasticity = elasticities(economy);
        double[] transfer = new double[nH];
        scenario.transfers().forEach((group, amount) -> transfer[economy.group(group)] += amount);
        double[] productivity = new double[nK];
        Arrays.fill(productivity, 1);
        for (Scenario.Shock s : scenario.shocks()) {
            int k = economy.activity(economy.good(s.good()), economy.group(s.group()));
            if (k < 0) {
                throw new InputException("productivity shock names " + s.good() + "/" + s.group()
                        + ", but that group does not produce that good; shock one of its activities");
            }
            productivity[k] *= 1 + s.shift();
        }
        Equilibrium baseline = baseline(economy, elasticity);
        EquilibriumSystem system = new EquilibriumSystem(economy, regime, elasticity, transfer, productivity);
        NewtonSolver.Solution sol = solver.solve(system, system.baselineGuess());
        if (!sol.converged()) {
            throw new InputException("the LEWIE model of '" + economy.name() + "' did not converge for the scenario"
                    + " (largest residual " + sol.residual() + " after " + sol.iterations() + " Newton iterations);"
                    + " the transfer or shock may be too large for the calibrated economy: try a smaller one");
        }
        return new SimulationResult(economy, scenario, regime, labour, baseline,
                system.state(sol.x(), sol.iterations(), sol.residual()));
    }

    /**
     * Solves the calibrated baseline and checks that it is the calibration point.
     *
     * @param economy the calibrated economy
     * @return the baseline equilibrium
     * @throws IllegalStateException when the calibrated accounts are not a solution of the model
     */
    public Equilibrium baseline(Economy economy) {
        return baseline(economy, elasticities(economy));
    }

    private Equilibrium baseline(Economy economy, double[] elasticity) {
        int nK = economy.activityCount();
        double[] productivity = new double[nK];
        Arrays.fill(productivity, 1);
        EquilibriumSystem system = new EquilibriumSystem(economy, regime, elasticity,
                new double[economy.groups().size()], productivity);
        double[] x = system.baselineGuess();
        double[] r = new double[system.dimension()];
        system.evaluate(x, r);
        double worst = 0;
        for (double v : r) {
            worst = Math.max(worst, Math.abs(v));
        }
        if (!(worst <= 1e-10)) {
            throw new IllegalStateException("the calibrated baseline of '" + economy.name()
                    + "' does not solve the model (largest residual " + worst + "): a calibration defect, please report it");
        }
        NewtonSolver.Solution sol = solver.solve(system, x);
        return system.state(sol.x(), sol.iterations(), sol.residual());
    }

    private double[] elasticities(Economy economy) {
        double[] el = new double[economy.factors().size()];
        for (int f = 0; f < el.length; f++) {
            if (economy.factorMarket(f) == FactorMarket.FIXED) {
                el[f] = 0;
            } else if (economy.factorMarket(f) == FactorMarket.WORLD) {
                el[f] = Double.POSITIVE_INFINITY;
            } else {
                el[f] = labour == LabourSupply.CONSTRAINED ? economy.constrainedElasticity() : economy.elasticity(f);
            }
        }
        return el;
    }
}
