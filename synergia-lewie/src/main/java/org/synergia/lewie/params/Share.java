package org.synergia.lewie.params;

/**
 * A share estimated from survey data, with its standard error (zero when it is taken as known).
 *
 * @param value the point estimate, in [0, 1]
 * @param se its standard error, non-negative
 */
public record Share(double value, double se) {

    /**
     * A share taken as known (no sampling error).
     *
     * @param value the share
     * @return the share with a zero standard error
     */
    public static Share exact(double value) {
        return new Share(value, 0);
    }
}
