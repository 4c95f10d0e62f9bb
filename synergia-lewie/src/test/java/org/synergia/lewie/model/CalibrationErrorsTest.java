package org.synergia.lewie.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;
import org.synergia.lewie.params.ParameterFile;

/** Calibration refuses parameters whose accounts cannot close, naming the culprit and the fix. */
class CalibrationErrorsTest {

    private static final String BASE = """
            name: test
            goods: [{name: food, market: zone}, {name: imports, market: world}]
            factors: [{name: labour, market: zone}, {name: land, market: fixed}]
            groups:
              - {name: farmers, households: 10, expenditure: EXPENDITURE, budget_shares: {food: 0.5, imports: 0.5},
                 savings: 0.1, outside: 0, transfers_out: 0}
            activities:
              - {group: farmers, good: food, output: 100, factor_shares: {labour: LABOUR, land: 0.5}}
            """;

    private static InputException refused(String expenditure, String labour) {
        String text = BASE.replace("EXPENDITURE", expenditure).replace("LABOUR", labour);
        return assertThrows(InputException.class, () -> Economy.calibrate(ParameterFile.parse(text, "test.yaml")));
    }

    @Test
    void factorIncomeAboveSpendingCannotClose() {
        InputException e = refused("20", "0.5");
        assertTrue(e.getMessage().contains("accounts cannot close") && e.getMessage().contains("farmers"),
                e.getMessage());
    }

    @Test
    void factorSharesMustSumToOne() {
        InputException e = refused("200", "0.4");
        assertTrue(e.getMessage().contains("food/farmers") && e.getMessage().contains("sum to"), e.getMessage());
    }

    @Test
    void theSameTextCalibratesWhenConsistent() {
        String text = BASE.replace("EXPENDITURE", "200").replace("LABOUR", "0.5");
        Economy e = Economy.calibrate(ParameterFile.parse(text, "test.yaml"));
        assertTrue(e.exogenousIncome(0) > 0);
    }

    @Test
    void misspeltKeyIsRefused() {
        String text = BASE.replace("EXPENDITURE", "200").replace("LABOUR", "0.5").replace("savings:", "saving:");
        InputException e = assertThrows(InputException.class, () -> ParameterFile.parse(text, "test.yaml"));
        assertTrue(e.getMessage().contains("unknown key 'saving'") && e.getMessage().contains("test.yaml"),
                e.getMessage());
    }
}
