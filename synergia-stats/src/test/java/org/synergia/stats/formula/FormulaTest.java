package org.synergia.stats.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;

/** Term labels and order as R's {@code attr(terms(f), "term.labels")} prints them (R 4.2.2). */
class FormulaTest {

    static List<String> labels(String f) {
        return Formula.parse(f).terms().stream().map(Term::label).toList();
    }

    @Test
    void termsAreOrderedAndLabelledAsInR() {
        // R: "x1" "I(x2^2)" "factor(region)" "a" "b" "x1:x3" "a:b"
        assertEquals(List.of("x1", "I(x2^2)", "factor(region)", "a", "b", "x1:x3", "a:b"),
                labels("y ~ x1 + I(x2^2) + factor(region) + x1:x3 + a*b - 1"));
        assertFalse(Formula.parse("y ~ x1 + I(x2^2) + factor(region) + x1:x3 + a*b - 1").hasIntercept());
        // R: "b" "a" "b:a" (variables of an interaction in order of first appearance)
        assertEquals(List.of("b", "a", "b:a"), labels("y ~ b + a + a:b"));
        // R: "a" "b" "c" "a:b" "a:c" "b:c"
        assertEquals(List.of("a", "b", "c", "a:b", "a:c", "b:c"), labels("y ~ (a + b + c)^2"));
        // R: "a" "b" "c" "a:b" "a:c" "b:c" "a:b:c"
        assertEquals(List.of("a", "b", "c", "a:b", "a:c", "b:c", "a:b:c"), labels("y ~ a*b*c"));
        // R: "a" "c"
        assertEquals(List.of("a", "c"), labels("y ~ a*b - b - a:b + c"));
        // R deparse spacing: I(x * y + 1) I(x/2) I(-x) log(z)
        assertEquals(List.of("I(x * y + 1)", "I(x/2)", "I(-x)", "log(z)", "I((x + 1)^2)"),
                labels("y ~ I(x*y+1) + I(x / 2) + I(-x) + log(z) + I((x+1)^2)"));
    }

    @Test
    void interceptRules() {
        assertTrue(Formula.parse("y ~ x").hasIntercept());
        assertFalse(Formula.parse("y ~ x + 0").hasIntercept());
        assertFalse(Formula.parse("y ~ 0 + x").hasIntercept());
        assertFalse(Formula.parse("y ~ -1 + x").hasIntercept());
        assertTrue(Formula.parse("y ~ x - 1 + 1").hasIntercept());
        assertEquals("log(y)", Formula.parse("log(y) ~ x").response().label());
        assertEquals(null, Formula.parse("~ x + z").response());
        assertEquals(List.of("x", "z"), labels("x + z"));
    }

    @Test
    void variablesInOrder() {
        assertEquals(List.of("y", "x1", "x2", "region", "x3"),
                List.copyOf(Formula.parse("y ~ x1 + I(x2^2) + factor(region) + x1:x3").variables()));
    }

    @Test
    void syntaxErrorsNameTheFormulaAndPosition() {
        InputException e = assertThrows(InputException.class, () -> Formula.parse("y ~ x1 + + "));
        assertTrue(e.getMessage().startsWith("formula 'y ~ x1 + + '"), e.getMessage());
        e = assertThrows(InputException.class, () -> Formula.parse("y ~ x1 + foo(x2)"));
        assertTrue(e.getMessage().contains("unknown function 'foo'"), e.getMessage());
        e = assertThrows(InputException.class, () -> Formula.parse("y ~ I(x1 + )"));
        assertTrue(e.getMessage().contains("formula 'y ~ I(x1 + )'"), e.getMessage());
        e = assertThrows(InputException.class, () -> Formula.parse("y ~ x1 $ x2"));
        assertTrue(e.getMessage().contains("unexpected character '$' at position 8"), e.getMessage());
        assertThrows(InputException.class, () -> Formula.parse("y ~ x ~ z"));
        assertThrows(InputException.class, () -> Formula.parse("y ~ (x1 + x2"));
    }
}
