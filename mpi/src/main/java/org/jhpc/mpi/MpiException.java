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

    /**
     * The kind of error ({@code MPI_Error_class} of the code, as mpi4py's {@code Exception.Get_error_class()}), the
     * same constant under either library; {@link ErrorClass#SUCCESS} when the error is not an MPI return code.
     */
    public ErrorClass errorClass() {
        if (errorCode == 0 || !MPI.available()) return ErrorClass.SUCCESS;
        try (java.lang.foreign.Arena a = java.lang.foreign.Arena.ofConfined()) {
            java.lang.foreign.MemorySegment cls = a.allocate(java.lang.foreign.ValueLayout.JAVA_INT);
            if (org.jhpc.mpi.ffi.LibMpi.errorClass(errorCode, cls) != 0) return ErrorClass.ERR_UNKNOWN;
            return ErrorClass.of(MPI.abi(), cls.get(java.lang.foreign.ValueLayout.JAVA_INT, 0));
        }
    }

    /** No MPI library could be loaded (see {@link MPI#unavailableReason()}). */
    public static final class Unavailable extends MpiException {
        public Unavailable(String message) {
            super(message, 0);
        }
    }
}
