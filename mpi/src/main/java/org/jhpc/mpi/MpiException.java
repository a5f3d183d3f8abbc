package org.jhpc.mpi;

/** An MPI call returned an error code (communicators use {@code MPI_ERRORS_RETURN}), or MPI cannot be used. */
public class MpiException extends RuntimeException {
    private final int errorCode;

    /** An error with MPI's {@code errorCode} (0 when it is not an MPI return code). */
    public MpiException(String message, int errorCode) {
        super(message);
        this.errorCode = errorCode;
    }

    /** The MPI error code, or 0 when the error is not an MPI return code. */
    public int errorCode() {
        return errorCode;
    }

    /** No MPI library could be loaded (see {@link MPI#unavailableReason()}). */
    public static final class Unavailable extends MpiException {
        public Unavailable(String message) {
            super(message, 0);
        }
    }
}
