package org.synergia.effects.potentialoutcomes;

/**
 * A factorial-design interaction: with arms control, {@code first}, {@code second} and their
 * combination {@code combined}, {@code synergy = mu_combined - mu_first - mu_second + mu_control},
 * estimated with its SE from the same stacked variance as the potential-outcome means.
 *
 * @param combined the treatment level of the arm that receives both components (A+B)
 * @param first the level of the arm that receives component A only
 * @param second the level of the arm that receives component B only
 */
public record Synergy(double combined, double first, double second) {

    /**
     * Parses the command-line form {@code C=A+B}, for example {@code 3=1+2}.
     *
     * @param spec the text
     * @return the synergy contrast
     * @throws org.synergia.data.InputException if the text is not of that form
     */
    public static Synergy parse(String spec) {
        String[] sides = spec.split("=", -1);
        String[] parts = sides.length == 2 ? sides[1].split("\\+", -1) : new String[0];
        try {
            if (parts.length == 2) {
                return new Synergy(Double.parseDouble(sides[0].trim()), Double.parseDouble(parts[0].trim()),
                        Double.parseDouble(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below with the expected form
        }
        throw new org.synergia.data.InputException("synergy '" + spec
                + "' is not of the form COMBINED=A+B with treatment levels, for example 3=1+2");
    }
}
