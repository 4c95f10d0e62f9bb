package org.synergia.effects.rd;

/** What to do when the running variable has mass points (many repeated values). */
public enum MassPoints {
    /**
     * Warn when at least 20% of a side's observations repeat a value, and then keep every data-driven
     * bandwidth wide enough to hold at least 10 distinct values of the running variable on each side.
     */
    ADJUST,
    /** Warn about mass points but change nothing. */
    CHECK,
    /** Neither check nor adjust. */
    IGNORE
}
