package org.jhpc.mpi.ffi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * What differs between MPI implementations at the binary level: how handles are represented ({@link #handleLayout}),
 * the values of the predefined ones ({@link #handle(Predefined)}), a few integer constants, and the layout of
 * {@code MPI_Status}. Everything above this interface sees a handle as a Java {@code long}; {@link LibMpi} converts it
 * to the implementation's C type. Two families exist: Open MPI ({@link OpenMpiAbi}: handles are pointers) and MPICH
 * with its derivatives ({@link MpichAbi}: handles are {@code int}s). MPI 5's standard ABI ({@code libmpi_abi}) would
 * be a third implementation of this interface, with the constants the standard fixes.
 */
public interface Abi {
    /** Implementation name for reports: {@code Open MPI} or {@code MPICH}. */
    String name();

    /** The C type of a handle: {@code JAVA_LONG} for pointers on LP64 (Open MPI), {@code JAVA_INT} for MPICH. */
    ValueLayout handleLayout();

    /** The handle of a predefined object. */
    long handle(Predefined p);

    /** {@code MPI_IN_PLACE} as an address (1 in Open MPI, -1 in MPICH). */
    MemorySegment inPlace();

    /** {@code MPI_ERR_TRUNCATE}: 15 in Open MPI, 14 in MPICH. */
    int errTruncate();

    /** Whether error classes have MPICH's numbers (else Open MPI's; see {@code org.jhpc.mpi.ErrorClass}). */
    default boolean mpichNumbering() { return false; }

    /** {@code MPI_ORDER_C} for subarray datatypes: 0 in Open MPI, 56 in MPICH. */
    int orderC();

    /** Bytes of one {@code MPI_Status}. */
    long statusSize();

    int statusSource(MemorySegment status);

    int statusTag(MemorySegment status);

    int statusError(MemorySegment status);

    /** Bytes received, as {@code MPI_Get_count(status, MPI_BYTE)} would say, read from the status itself. */
    long statusBytes(MemorySegment status);

    /**
     * A rank between jhpc's numbering and the library's, both ways: jhpc's {@code ANY_SOURCE} is -1 and
     * {@code PROC_NULL} -2 (Open MPI's values); MPICH swaps them. Real ranks are unchanged.
     */
    default int rank(int r) { return r; }

    default long commWorld() { return handle(Predefined.COMM_WORLD); }
    default long commSelf() { return handle(Predefined.COMM_SELF); }
    default long commNull() { return handle(Predefined.COMM_NULL); }
    default long requestNull() { return handle(Predefined.REQUEST_NULL); }
    default long errorsReturn() { return handle(Predefined.ERRORS_RETURN); }

    /** Reads a handle that MPI wrote through an out-parameter (e.g. a new communicator or request). */
    default long readHandle(MemorySegment at, long index) {
        return handleLayout().byteSize() == 8 ? at.getAtIndex(ValueLayout.JAVA_LONG, index)
                : at.getAtIndex(ValueLayout.JAVA_INT, index);
    }

    default void writeHandle(MemorySegment at, long index, long handle) {
        if (handleLayout().byteSize() == 8) at.setAtIndex(ValueLayout.JAVA_LONG, index, handle);
        else at.setAtIndex(ValueLayout.JAVA_INT, index, (int) handle);
    }

    // jhpc's values (the same as Open MPI's; see rank(int) for MPICH), and ones every implementation shares.
    int ANY_SOURCE = -1;
    int ANY_TAG = -1;
    int PROC_NULL = -2;
    int UNDEFINED = -32766;
    int MAX_LIBRARY_VERSION_STRING = 8192;   // ≥ every implementation's constant (Open MPI 256, MPICH 8192)
    int MAX_ERROR_STRING = 1024;             // ≥ Open MPI's 256 and MPICH's 512
    // The MPI-IO access modes, the same (ROMIO's) in both families.
    int MODE_CREATE = 1, MODE_RDONLY = 2, MODE_WRONLY = 4, MODE_RDWR = 8;
}
