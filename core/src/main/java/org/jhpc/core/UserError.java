package org.jhpc.core;

/**
 * Bad input from the user: a parameter, a file, a command-line value. The command line prints its message as one
 * line on stderr and exits with status 2, with no stack trace. Messages name the offending input.
 */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message, null, false, false);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
