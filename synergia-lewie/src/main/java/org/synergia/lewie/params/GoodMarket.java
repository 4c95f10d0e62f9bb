package org.synergia.lewie.params;

/** Where a good is traded, which sets its market closure (Taylor and Filipski 2014, ch. 5). */
public enum GoodMarket {
    /** Traded within each village: the village's net surplus is fixed and its price adjusts. */
    VILLAGE,
    /** Traded within the local zone: the zone's net surplus is fixed and the price adjusts. */
    ZONE,
    /** Traded with the wider world at a fixed price; the net surplus adjusts. */
    WORLD
}
