package org.jhpc.mpi.ffi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * What differs between MPI implementations at the binary level: how handles (communicators, datatypes, operations,
 * requests, error handlers) are represented, the values of the predefined ones, and the layout of {@code MPI_Status}.
 * Everything above this interface sees a handle as a Java {@code long}; {@link LibMpi} converts it to the
 * implementation's C type ({@link #handleLayout()}). Open MPI is {@link OpenMpiAbi}; MPICH (whose handles are
 * {@code int} constants and whose status has five ints) would be a second implementation beside it.
 */
public interface Abi {
    /** Implementation name for reports, e.g. {@code Open MPI}. */
    String name();

    /** The C type of a handle: {@code JAVA_LONG} for pointers on LP64 (Open MPI), {@code JAVA_INT} for MPICH. */
    ValueLayout handleLayout();

    long commWorld();

    long commSelf();

    long commNull();

    long requestNull();

    long errorsReturn();

    /** {@code MPI_DOUBLE}, {@code MPI_INT64_T}, {@code MPI_INT}, {@code MPI_BYTE}. */
    long datatypeDouble();

    long datatypeLong();

    long datatypeInt();

    long datatypeByte();

    /** {@code MPI_FLOAT}, {@code MPI_INT16_T}, {@code MPI_UINT16_T}. */
    long datatypeFloat();

    long datatypeShort();

    long datatypeChar();

    /** {@code MPI_INT8_T}: the signed 8-bit type byte arrays are reduced as ({@code MPI_BYTE} has no order). */
    long datatypeInt8();

    /** {@code MPI_MESSAGE_NULL}, what {@code MPI_Mprobe} never returns for a real message. */
    long messageNull();

    /** {@code MPI_ERR_TRUNCATE}: 15 in Open MPI, 14 in MPICH. */
    int errTruncate();

    long opSum();

    long opProd();

    long opMin();

    long opMax();

    /** {@code MPI_IN_PLACE} as an address. */
    MemorySegment inPlace();

    /** Bytes of one {@code MPI_Status}. */
    long statusSize();

    int statusSource(MemorySegment status);

    int statusTag(MemorySegment status);

    int statusError(MemorySegment status);

    /** Bytes received, as {@code MPI_Get_count(status, MPI_BYTE)} would say, read from the status itself. */
    long statusBytes(MemorySegment status);

    /** Reads a handle that MPI wrote through an out-parameter (e.g. a new communicator or request). */
    default long readHandle(MemorySegment at, long index) {
        return handleLayout().byteSize() == 8 ? at.getAtIndex(ValueLayout.JAVA_LONG, index)
                : at.getAtIndex(ValueLayout.JAVA_INT, index);
    }

    default void writeHandle(MemorySegment at, long index, long handle) {
        if (handleLayout().byteSize() == 8) at.setAtIndex(ValueLayout.JAVA_LONG, index, handle);
        else at.setAtIndex(ValueLayout.JAVA_INT, index, (int) handle);
    }

    // The MPI standard fixes these values for every implementation.
    int ANY_SOURCE = -1;
    int ANY_TAG = -1;
    int PROC_NULL = -2;
    int UNDEFINED = -32766;
    int MAX_LIBRARY_VERSION_STRING = 8192;   // ≥ every implementation's constant (Open MPI 256, MPICH 8192)
    int MAX_ERROR_STRING = 1024;             // ≥ Open MPI's 256 and MPICH's 1024
}
