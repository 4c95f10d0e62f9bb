package org.synergia.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.synergia.data.Column;
import org.synergia.data.Dataset;
import org.synergia.data.NumericColumn;
import org.synergia.data.ValueLabels;
import org.synergia.data.VariableType;
import org.synergia.testdata.TestFiles;

class StataReaderTest {

    @Test
    void lalondeDtaReadsIdenticallyToTheCsv() {
        Dataset dta = DatasetReaders.read(TestFiles.reference("lalonde.dta"));
        Dataset csv = DatasetReaders.read(TestFiles.reference("lalonde.csv"));
        assertEquals("118", dta.metadata().get("release"));
        assertEquals(csv.columnNames(), dta.columnNames());
        assertEquals(csv.rowCount(), dta.rowCount());
        for (String v : csv.columnNames()) {
            NumericColumn a = csv.numeric(v);
            NumericColumn b = dta.numeric(v);
            for (int i = 0; i < a.size(); i++) {
                // the CSV holds the doubles R wrote with 15 significant digits
                assertEquals(a.value(i), b.value(i), Math.abs(a.value(i)) * 1e-14, v + " row " + i);
            }
        }
    }

    @Test
    void cattaneo2KeepsItsLabels() {
        // reference: R 4.2 haven 2.5.1 read_dta("cattaneo2.dta"): 4642 x 23, labels and sums below
        Dataset d = DatasetReaders.read(TestFiles.dataset("cattaneo2.dta"));
        assertEquals(4642, d.rowCount());
        assertEquals(23, d.columnCount());
        assertEquals("Infant birthweight (grams)", d.column("bweight").label());
        assertEquals("Mother's age", d.column("mage").label());
        assertEquals("%9.0g", d.column("bweight").format());
        NumericColumn msmoke = d.numeric("msmoke");
        assertEquals(VariableType.CATEGORICAL, msmoke.type());
        assertEquals("%27.0g", msmoke.format());
        ValueLabels labels = msmoke.valueLabels();
        assertEquals(4, labels.size());
        assertEquals("0 daily", labels.labelOf(0));
        assertEquals("1\u20135 daily", labels.labelOf(1));
        assertEquals("11+ daily", labels.labelOf(3));
        assertEquals("Married", d.numeric("mmarried").valueLabels().labelOf(1));
        assertEquals("Nonsmoker", d.numeric("mbsmoke").valueLabels().labelOf(0));
        assertEquals("Yes", d.numeric("prenatal1").valueLabels().labelOf(1));
        assertEquals(15604918, sum(d.numeric("bweight")), 0);
        assertEquals(123034, sum(d.numeric("mage")), 0);
        assertEquals(107114, sum(d.numeric("monthslb")), 0);
        assertEquals(1855, sum(msmoke), 0);
        for (Column c : d.columns()) {
            assertEquals(0, c.missingCount(), c.name());
        }
        assertEquals("Excerpt from Cattaneo (2010) Journal of Econometrics 155: 138\u2013154", d.label());
    }

    static double sum(NumericColumn c) {
        double s = 0;
        for (int i = 0; i < c.size(); i++) {
            s += c.value(i);
        }
        return s;
    }
}
