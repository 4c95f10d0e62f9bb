package org.synergia.effects.rd;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RdRobustExploreTest {
    @Test
    void explore() {
        Map<String, double[]> d = ReferenceData.csv("rdrobust_senate.csv");
        RdResult r = RdRobust.withDefaults().fit(d.get("vote"), d.get("margin"), 0);
        System.out.println("TRI " + r.hLeft() + " " + r.bLeft());
        r = RdRobust.withDefaults().withKernel(Kernel.UNIFORM).withOrder(2).fit(d.get("vote"), d.get("margin"), 0);
        System.out.println("UNI " + r.hLeft() + " " + r.bLeft());
        r = RdRobust.withDefaults().withBandwidthSelector(BandwidthSelector.MSETWO).fit(d.get("vote"), d.get("margin"), 0);
        System.out.println("TWO " + r.hLeft() + " " + r.hRight() + " " + r.bLeft() + " " + r.bRight());
    }
}
