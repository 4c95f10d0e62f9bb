package org.synergia.lewie.params;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Parameter files read back what was written, in YAML or JSON. */
class ParameterFileTest {

    @Test
    void yamlRoundTrip() {
        LewieParameters p = ParameterFile.lesothoExample();
        assertEquals(p, ParameterFile.parse(ParameterFile.toYaml(p), "round-trip"));
        assertEquals(4, p.groups().size());
        assertEquals(8, p.goods().size());
    }

    @Test
    void jsonIsRead() {
        String json = """
                {"name": "j", "goods": [{"name": "food", "market": "village"}],
                 "factors": [{"name": "labour", "market": "zone", "elasticity": "inf"},
                             {"name": "land", "market": "fixed"}],
                 "groups": [{"name": "a", "households": 5, "expenditure": 10, "budget_shares": {"food": 1},
                             "savings": {"value": 0.1, "se": 0.02}, "outside": [0.05, 0.01], "transfers_out": 0}],
                 "activities": [{"group": "a", "good": "food", "output": 4,
                                 "factor_shares": {"labour": [0.5, 0.1], "land": 0.5}}]}
                """;
        LewieParameters p = ParameterFile.parse(json, "j.json");
        assertEquals(GoodMarket.VILLAGE, p.goods().get(0).market());
        assertEquals(Double.POSITIVE_INFINITY, p.factors().get(0).elasticity());
        assertEquals(new Share(0.1, 0.02), p.groups().get(0).savings());
        assertEquals(new Share(0.05, 0.01), p.groups().get(0).outside());
        assertEquals(new Share(0.5, 0.1), p.activities().get(0).factorShares().get("labour"));
        assertEquals(LewieParameters.DEFAULT_CONSTRAINED_ELASTICITY, p.constrainedElasticity());
    }
}
