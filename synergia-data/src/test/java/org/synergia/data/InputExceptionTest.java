package org.synergia.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Typed refusals: one reason and its parameters, shown in each language with options spelt by the front end. */
class InputExceptionTest {

    enum TestProblem implements Reason {
        TOO_FEW, INCOMPLETE, NESTED;

        @Override
        public String bundle() {
            return "org.synergia.data.testproblems";
        }
    }

    private static final OptionStyle SPEC = name -> "options." + name;

    @Test
    void englishCommandLineTextIsTheMessage() {
        InputException e = new InputException(TestProblem.TOO_FEW, 12345, 2, "0.5", OptionName.of("neighbors"));
        assertEquals("only 12345 rows in 0.5; lower --neighbors", e.getMessage());
        assertEquals(e.getMessage(), e.message(Locale.ENGLISH, OptionStyle.COMMAND_LINE));
        assertEquals(TestProblem.TOO_FEW, e.reason().orElseThrow());
        assertEquals(List.of(12345, 2, "0.5", OptionName.of("neighbors")), e.args());
    }

    @Test
    void eachLanguageAndOptionStyle() {
        InputException e = new InputException(TestProblem.TOO_FEW, 1, 1, "x.csv", OptionName.of("neighbors"));
        assertEquals("solo 1 fila en x.csv; baje options.neighbors", e.message(Locale.forLanguageTag("es"), SPEC));
        assertEquals("seulement 1 ligne dans x.csv ; baissez --neighbors", e.message(Locale.FRENCH, OptionStyle.COMMAND_LINE));
        assertEquals("only 1 row in x.csv; lower --neighbors", e.message(Locale.GERMAN, OptionStyle.COMMAND_LINE),
                "a language without texts gets English");
    }

    @Test
    void contextIsKeptInFrontOfEveryLanguage() {
        InputException e = new InputException(TestProblem.TOO_FEW, 3, 3, "y", OptionName.of("k")).in("plan[0]: ").in("m.yaml: ");
        assertEquals("m.yaml: plan[0]: only 3 rows in y; lower --k", e.getMessage());
        assertEquals("m.yaml: plan[0]: solo 3 filas en y; baje options.k", e.message(Locale.forLanguageTag("es"), SPEC));
        InputException text = new InputException("plain").in("f.csv: ");
        assertEquals("f.csv: plain", text.message(Locale.FRENCH, SPEC));
        assertTrue(text.reason().isEmpty());
    }

    @Test
    void aChoiceMayHoldParametersFilledByTheSameRules() {
        InputException e = new InputException(TestProblem.NESTED, 12345, 1);
        assertEquals("x and 12345 more rows, b then d", e.getMessage(), "integers inside a choice are not grouped either");
        assertEquals("x y 1 fila más, b y luego d", new InputException(TestProblem.NESTED, 1, 1).message(Locale.forLanguageTag("es"), SPEC));
        assertEquals("x, a puis c", new InputException(TestProblem.NESTED, 0, 0).message(Locale.FRENCH, SPEC),
                "each use of a parameter keeps its own choice");
    }

    @Test
    void missingTranslationsAreFound() {
        List<String> problems = ReasonTexts.problems(TestProblem.class);
        assertEquals(List.of("TestProblem.INCOMPLETE: no fr text"), problems);
    }
}
