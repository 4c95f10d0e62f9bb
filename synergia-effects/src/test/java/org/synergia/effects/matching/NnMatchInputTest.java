package org.synergia.effects.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.data.OptionStyle;

/** {@link NnMatch} refuses settings it cannot use with typed reasons naming the option. */
class NnMatchInputTest {

    @Test
    void neighboursAndVarianceNeighboursBelowOneAreRefusedNamingTheOption() {
        InputException none = assertThrows(InputException.class, () -> NnMatch.withDefaults().withNeighbors(0));
        assertEquals("matching needs at least 1 neighbour, not 0: use --neighbors 1 or more", none.getMessage());
        OptionStyle spec = name -> "options." + name;
        assertEquals("el emparejamiento necesita al menos 1 vecino, no 0: use options.neighbors 1 o más",
                none.message(Locale.forLanguageTag("es"), spec));
        InputException variance = assertThrows(InputException.class,
                () -> NnMatch.withDefaults().withStandardError(PsMatch.StandardError.AI2006_ROBUST, 0));
        assertEquals("the robust standard error needs at least 1 variance neighbour (another unit of the same arm), not 0:"
                + " use --variance-neighbors 1 or more", variance.getMessage());
        InputException ps = assertThrows(InputException.class, () -> PsMatch.withDefaults().withNeighbors(-1));
        assertEquals("matching needs at least 1 neighbour, not -1: use --neighbors 1 or more", ps.getMessage());
    }

    @Test
    void noCovariateIsRefused() {
        double[] y = {1, 2, 3, 4};
        boolean[] t = {true, false, true, false};
        InputException e = assertThrows(InputException.class,
                () -> NnMatch.withDefaults().fit(y, t, new double[0][], List.of()));
        assertEquals("covariate matching needs at least one covariate: give the covariates to match on", e.getMessage());
    }
}
