package org.synergia.lewie.params;

/** How a factor of production is supplied, which sets its closure. */
public enum FactorMarket {
    /** Fixed in each activity (land, capital): its rent adjusts and goes to the activity's owner group. */
    FIXED,
    /** Hired within each village, with a supply elasticity; wage income is shared by fixed endowment shares. */
    VILLAGE,
    /** Hired within the local zone, with a supply elasticity; wage income is shared by fixed endowment shares. */
    ZONE,
    /**
     * Hired at a wage fixed outside the local economy: perfectly elastic supply whatever the labour
     * scenario; wage income is shared by fixed endowment shares over the zone.
     */
    WORLD
}
