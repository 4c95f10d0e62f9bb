package org.synergia.measures.poverty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.synergia.data.InputException;

class TransferIncidenceTest {

    @Test
    void quintileIncidenceWorkedByHand() {
        // incomes 1..10 (equal weights): quintile groups {1,2}, {3,4}, {5,6}, {7,8}, {9,10}.
        // transfers 10 to incomes 1 and 3, 5 to income 9, 0 elsewhere: total 25.
        double[] income = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] transfer = {10, 0, 10, 0, 0, 0, 0, 0, 5, 0};
        List<TransferIncidence.Row> rows = TransferIncidence.byQuantile(income, transfer, null, 5);
        assertEquals(5, rows.size());
        TransferIncidence.Row poorest = rows.get(0);
        assertEquals(0.2, poorest.populationShare(), 1e-15);
        assertEquals(0.4, poorest.transferShare(), 1e-15);
        assertEquals(0.5, poorest.coverage(), 1e-15);
        assertEquals(5, poorest.meanTransfer(), 1e-15);
        assertEquals(10.0 / 3, poorest.transferToIncome(), 1e-15);
        assertEquals(0.2, rows.get(4).transferShare(), 1e-15);
        assertEquals(0, rows.get(2).coverage(), 0);
        assertThrows(InputException.class, () -> TransferIncidence.byQuantile(income, new double[10], null, 5));
    }

    @Property(tries = 100, seed = "20171")
    void theilSumsCombineAcrossSplits(@ForAll @Size(min = 2, max = 50) List<@DoubleRange(min = 0.1, max = 1000) Double> y,
            @ForAll @IntRange(min = 1, max = 49) int cut) {
        TheilAccumulator whole = new TheilAccumulator();
        TheilAccumulator left = new TheilAccumulator();
        TheilAccumulator right = new TheilAccumulator();
        int split = Math.min(cut, y.size() - 1);
        for (int i = 0; i < y.size(); i++) {
            whole.add(y.get(i), 1 + i % 4);
            (i < split ? left : right).add(y.get(i), 1 + i % 4);
        }
        assertEquals(whole.theil(), left.combine(right).theil(), 1e-10);
    }
}
