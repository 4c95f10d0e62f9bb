package org.synergia.data.io;

/**
 * Constants of the Stata {@code .dta} formats shared by {@link StataReader} and
 * {@link StataWriter}, from Stata's "dta" file-format documentation (help dta, formats 113–119).
 */
final class StataFormat {

    /** Storage type codes of formats 117–119 (16-bit); 1..2045 are {@code str#}. */
    static final int TYPE_STRL = 32768;
    static final int TYPE_DOUBLE = 65526;
    static final int TYPE_FLOAT = 65527;
    static final int TYPE_LONG = 65528;
    static final int TYPE_INT = 65529;
    static final int TYPE_BYTE = 65530;
    /** The widest {@code str#} of formats 117–119. */
    static final int MAX_STR = 2045;

    /** Storage type codes of formats 113–115 (8-bit); 1..244 are {@code str#}. */
    static final int OLD_BYTE = 251;
    static final int OLD_INT = 252;
    static final int OLD_LONG = 253;
    static final int OLD_FLOAT = 254;
    static final int OLD_DOUBLE = 255;
    static final int OLD_MAX_STR = 244;

    /** The system missing value {@code .} of each integer type; {@code .a}..{@code .z} follow it. */
    static final int BYTE_MISSING = 101;
    static final int INT_MISSING = 32_741;
    static final int LONG_MISSING = 2_147_483_621;
    /** Bits of {@code .} as a float; {@code .a}..{@code .z} follow it in steps of {@code 1 << 11}. */
    static final int FLOAT_MISSING_BITS = 0x7f00_0000;
    static final int FLOAT_MISSING_SHIFT = 11;
    /** Bits of {@code .} as a double; {@code .a}..{@code .z} follow it in steps of {@code 1L << 40}. */
    static final long DOUBLE_MISSING_BITS = 0x7fe0_0000_0000_0000L;
    static final int DOUBLE_MISSING_SHIFT = 40;

    private StataFormat() {
    }
}
