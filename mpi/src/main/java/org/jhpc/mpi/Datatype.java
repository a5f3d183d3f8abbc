package org.jhpc.mpi;

import java.lang.foreign.ValueLayout;
import org.jhpc.mpi.ffi.Abi;
import org.jhpc.mpi.ffi.Predefined;

/**
 * The element types jhpc sends raw, one per Java primitive array: {@code double} ({@code MPI_DOUBLE}), {@code float}
 * ({@code MPI_FLOAT}), {@code long} ({@code MPI_INT64_T}), {@code int} ({@code MPI_INT}), {@code short}
 * ({@code MPI_INT16_T}), {@code char} ({@code MPI_UINT16_T}: unsigned, so MIN and MAX order as Java does) and
 * {@code byte} ({@code MPI_BYTE} when moved, {@code MPI_INT8_T} when reduced).
 */
public enum Datatype {
    DOUBLE(ValueLayout.JAVA_DOUBLE, Predefined.DOUBLE),
    FLOAT(ValueLayout.JAVA_FLOAT, Predefined.FLOAT),
    LONG(ValueLayout.JAVA_LONG, Predefined.INT64_T),
    INT(ValueLayout.JAVA_INT, Predefined.INT),
    SHORT(ValueLayout.JAVA_SHORT, Predefined.INT16_T),
    CHAR(ValueLayout.JAVA_CHAR, Predefined.UINT16_T),
    BYTE(ValueLayout.JAVA_BYTE, Predefined.BYTE);

    private final ValueLayout layout;
    private final Predefined mpi;

    Datatype(ValueLayout layout, Predefined mpi) {
        this.layout = layout;
        this.mpi = mpi;
    }

    /** Bytes per element. */
    public int size() {
        return (int) layout.byteSize();
    }

    /** The Java layout of one element. */
    public ValueLayout layout() {
        return layout;
    }

    long handle(Abi abi) {
        return abi.handle(mpi);
    }

    /** The handle reductions use: byte arrays are signed 8-bit integers ({@code MPI_BYTE} has no order). */
    long reductionHandle(Abi abi) {
        return abi.handle(this == BYTE ? Predefined.INT8_T : mpi);
    }
}
