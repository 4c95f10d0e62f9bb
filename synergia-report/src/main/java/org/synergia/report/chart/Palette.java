package org.synergia.report.chart;

/**
 * Colour-blind-safe colours (Okabe &amp; Ito 2008) and the neutral tones of the charts. Text
 * colours meet WCAG AA contrast on white.
 */
public final class Palette {

    /** Blue: the combination, pooled effects. */
    public static final String BLUE = "#0072B2";
    /** Orange: social protection. */
    public static final String ORANGE = "#E69F00";
    /** Bluish green: productive development. */
    public static final String GREEN = "#009E73";
    /** Vermillion: the synergy. */
    public static final String VERMILLION = "#D55E00";
    /** Reddish purple. */
    public static final String PURPLE = "#CC79A7";
    /** Sky blue. */
    public static final String SKY = "#56B4E9";
    /** Text. */
    public static final String TEXT = "#1a1a1a";
    /** Secondary text (contrast 7:1 on white). */
    public static final String MUTED = "#4d4d4d";
    /** Grid and axis lines. */
    public static final String GRID = "#bdbdbd";

    /** Series colours, in order. */
    public static final String[] SERIES = {BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY};

    private Palette() {}
}
