package org.synergia.effects.rd;

/**
 * What to do when the running variable has mass points (many repeated values): rdrobust 4.0's
 * {@code masspoints}. A side has mass points when at least 20% of its units repeat a value.
 */
public enum MassPoints {
    /**
     * rdrobust's {@code "adjust"}: warn about mass points; the rule-of-thumb pilot bandwidth counts
     * distinct values instead of units; and, when mass points are found, the pilot bandwidths (not
     * the final h and b) hold at least 10 distinct values on each side (unless a bandwidth check is
     * given, {@link RdRobust#withBandwidthCheck}).
     */
    ADJUST,
    /** rdrobust's {@code "check"}: warn about mass points and report the distinct values, change nothing. */
    CHECK,
    /** rdrobust's {@code "off"}: neither check nor adjust. */
    IGNORE
}
