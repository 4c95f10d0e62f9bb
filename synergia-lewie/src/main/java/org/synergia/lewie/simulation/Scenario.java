package org.synergia.lewie.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synergia.data.InputException;

/**
 * What a simulation changes: transfers to groups (added to their exogenous income), productivity
 * shocks to activities (a shift of the Cobb-Douglas shift parameter, e.g. home gardens raising a
 * group's crop productivity), and the cost of the productive programme, which joins the transfers
 * in the denominator of the multipliers. Immutable; build fluently from {@link #none()}.
 */
public final class Scenario {

    /**
     * A productivity shock.
     *
     * @param good the good whose activity is shocked
     * @param group the producing group
     * @param shift the relative change of productivity (0.2: output 20% higher for the same inputs)
     */
    public record Shock(String good, String group, double shift) {
    }

    private static final Scenario NONE = new Scenario(Map.of(), List.of(), 0);

    private final Map<String, Double> transfers;
    private final List<Shock> shocks;
    private final double programmeCost;

    private Scenario(Map<String, Double> transfers, List<Shock> shocks, double programmeCost) {
        this.transfers = transfers;
        this.shocks = shocks;
        this.programmeCost = programmeCost;
    }

    /** @return the scenario that changes nothing */
    public static Scenario none() {
        return NONE;
    }

    /**
     * @param group the receiving group
     * @param amount the total transfer to the group (all its households together), positive
     * @return this scenario with the transfer added to any earlier one for the group
     */
    public Scenario withTransfer(String group, double amount) {
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw new InputException("transfer to group '" + group + "' is " + amount + "; give a positive amount");
        }
        Map<String, Double> t = new LinkedHashMap<>(transfers);
        t.merge(group, amount, Double::sum);
        return new Scenario(Collections.unmodifiableMap(t), shocks, programmeCost);
    }

    /**
     * @param good the good whose activity is shocked
     * @param group the producing group
     * @param shift the relative productivity change, greater than -1
     * @return this scenario with the shock added
     */
    public Scenario withShock(String good, String group, double shift) {
        if (!(shift > -1) || Double.isInfinite(shift)) {
            throw new InputException("productivity shock of " + good + "/" + group + " is " + shift
                    + "; give a relative change greater than -1 (0.2 for +20%)");
        }
        List<Shock> s = new ArrayList<>(shocks);
        s.add(new Shock(good, group, shift));
        return new Scenario(transfers, List.copyOf(s), programmeCost);
    }

    /**
     * @param cost the cost of the productive programme, non-negative
     * @return this scenario with that cost
     */
    public Scenario withProgrammeCost(double cost) {
        if (!(cost >= 0) || Double.isInfinite(cost)) {
            throw new InputException("programme cost is " + cost + "; give a non-negative amount");
        }
        return new Scenario(transfers, shocks, cost);
    }

    /** @return the transfers by group */
    public Map<String, Double> transfers() {
        return transfers;
    }

    /** @return the productivity shocks */
    public List<Shock> shocks() {
        return shocks;
    }

    /** @return the productive programme's cost */
    public double programmeCost() {
        return programmeCost;
    }

    /** @return the injection multipliers are expressed per unit of: transfers plus programme cost */
    public double injection() {
        double total = programmeCost;
        for (double t : transfers.values()) {
            total += t;
        }
        return total;
    }
}
