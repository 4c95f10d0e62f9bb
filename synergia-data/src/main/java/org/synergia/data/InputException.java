package org.synergia.data;

/**
 * A problem with what the user gave Synergia: a file, a variable, a row, a specification or an
 * option. The message is meant to be shown as it is, on one line: it names the thing at fault
 * and says what to do about it.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, where, and the fix */
    public InputException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, where, and the fix
     * @param cause the low-level failure behind it
     */
    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
