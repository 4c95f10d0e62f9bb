package org.synergia.data;

/**
 * Stata's missing codes: {@code 0} is the system missing value {@code .} and {@code 1}..{@code 26}
 * are the extended missing values {@code .a}..{@code .z}. {@link #NOT_MISSING} marks a value that
 * is present.
 */
public final class MissingCodes {

    /** The code of a value that is not missing. */
    public static final int NOT_MISSING = -1;
    /** The code of the system missing value {@code .}. */
    public static final int SYSTEM = 0;
    /** The code of the last extended missing value, {@code .z}. */
    public static final int LAST = 26;

    private MissingCodes() {
    }

    /**
     * @param code a missing code, 0..26
     * @return its name: {@code .}, {@code .a}, ..., {@code .z}
     */
    public static String name(int code) {
        check(code);
        return code == SYSTEM ? "." : "." + (char) ('a' + code - 1);
    }

    /**
     * @param name {@code .} or {@code .a}..{@code .z}
     * @return its code, or {@link #NOT_MISSING} when {@code name} is not a missing code
     */
    public static int parse(CharSequence name) {
        if (name.length() == 1 && name.charAt(0) == '.') {
            return SYSTEM;
        }
        if (name.length() == 2 && name.charAt(0) == '.' && name.charAt(1) >= 'a' && name.charAt(1) <= 'z') {
            return name.charAt(1) - 'a' + 1;
        }
        return NOT_MISSING;
    }

    static int check(int code) {
        if (code < SYSTEM || code > LAST) {
            throw new IllegalArgumentException("a missing code is 0 (.) to 26 (.z), got " + code);
        }
        return code;
    }
}
