package org.synergia.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synergia.stats.inference.Estimate;
import org.synergia.stats.inference.EstimationResult;

class ResultPrinterTest {

    record Result(String method, List<Estimate> estimates, int n, Map<String, Object> diagnostics,
            List<String> warnings) implements EstimationResult {
    }

    static Result sample(List<String> warnings) {
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("tau2", 0.25);
        diagnostics.put("converged", true);
        diagnostics.put("undefined", Double.NaN);
        return new Result("ipwra", List.of(new Estimate("ATE", -229.97, 26.63, -282.2, -177.8, 0.0),
                new Estimate("POmean:0", 3402.1, Double.NaN, Double.NaN, Double.NaN, Double.NaN)), 4642, diagnostics,
                warnings);
    }

    @Test
    void jsonDocumentHasTheContractShape() throws Exception {
        DataProvenance data = new DataProvenance("cattaneo2.dta", "ab12", 4642, 0);
        StringWriter text = new StringWriter();
        ResultPrinter.of(GlobalOptions.Format.json).print("estimate", sample(List.of()), data, new PrintWriter(text));
        JsonNode doc = new ObjectMapper().readTree(text.toString());
        List<String> keys = new ArrayList<>();
        doc.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("command", "method", "n", "estimates", "diagnostics", "data", "software"), keys);
        assertEquals("estimate", doc.get("command").asText());
        assertEquals("ipwra", doc.get("method").asText());
        assertEquals(4642, doc.get("n").asInt());
        JsonNode ate = doc.get("estimates").get(0);
        List<String> fields = new ArrayList<>();
        ate.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("term", "estimate", "se", "ci_low", "ci_high", "p_value"), fields);
        assertEquals(-229.97, ate.get("estimate").asDouble(), 0);
        assertTrue(doc.get("estimates").get(1).get("se").isNull(), "NaN is printed as null");
        assertTrue(doc.get("diagnostics").get("undefined").isNull());
        assertTrue(doc.get("diagnostics").get("converged").asBoolean());
        assertEquals("ab12", doc.get("data").get("sha256").asText());
        assertEquals(0, doc.get("data").get("rows_dropped").asInt());
        assertEquals("synergia", doc.get("software").get("name").asText());
        assertFalse(text.toString().contains("NaN"));
    }

    @Test
    void warningsAppearWhenThereAreSome() {
        JsonNode doc = ResultPrinter.toJson("estimate", sample(List.of("3 rows have missing treatment")),
                new DataProvenance("f.csv", "00", 1, 2));
        assertEquals("3 rows have missing treatment", doc.get("warnings").get(0).asText());
    }

    @Test
    void textIsATable() {
        StringWriter text = new StringWriter();
        ResultPrinter.of(GlobalOptions.Format.text).print("estimate", sample(List.of()),
                new DataProvenance("cattaneo2.dta", "ab", 4642, 0), new PrintWriter(text));
        String s = text.toString();
        assertTrue(s.startsWith("estimate ipwra on cattaneo2.dta: 4642 observations used, 0 rows dropped"), s);
        assertTrue(s.contains("ATE          -229.9700      26.63000     -282.2000     -177.8000   <0.0001"), s);
        assertTrue(s.contains("tau2"), s);
    }
}
