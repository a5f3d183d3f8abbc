package org.jhpc.mpi;

import java.lang.foreign.ValueLayout;
import org.jhpc.mpi.ffi.Abi;
import org.jhpc.mpi.ffi.Predefined;

/**
 * The element types jhpc sends raw, one per Java primitive array: {@code double} ({@code MPI_DOUBLE}), {@code float}
 * ({@code MPI_FLOAT}), {@code long} ({@code MPI_INT64_T}), {@code int} ({@code MPI_INT}), {@code short}
 * ({@code MPI_INT16_T}), {@code char} ({@code MPI_UINT16_T}: unsigned, so MIN and MAX order as Java does) and
 * {@code byte} ({@code MPI_BYTE} when moved, {@code MPI_INT8_T} when reduced); and two complex types, numpy's
 * {@code complex128} and {@code complex64}, stored interleaved (real, imaginary, real, ...) in a {@code double[]}
 * or {@code float[]} ({@code MPI_C_DOUBLE_COMPLEX}, {@code MPI_C_FLOAT_COMPLEX}; {@link Buf#ofComplex}): one
 * element is two array entries; SUM and PROD are complex addition and multiplication, MIN and MAX are errors.
 */
public enum Datatype {
    DOUBLE(ValueLayout.JAVA_DOUBLE, Predefined.DOUBLE),
    FLOAT(ValueLayout.JAVA_FLOAT, Predefined.FLOAT),
    LONG(ValueLayout.JAVA_LONG, Predefined.INT64_T),
    INT(ValueLayout.JAVA_INT, Predefined.INT),
    SHORT(ValueLayout.JAVA_SHORT, Predefined.INT16_T),
    CHAR(ValueLayout.JAVA_CHAR, Predefined.UINT16_T),
    BYTE(ValueLayout.JAVA_BYTE, Predefined.BYTE),
    COMPLEX128(ValueLayout.JAVA_DOUBLE, 2, Predefined.C_DOUBLE_COMPLEX),
    COMPLEX64(ValueLayout.JAVA_FLOAT, 2, Predefined.C_FLOAT_COMPLEX);

    private final ValueLayout layout;
    private final int parts;
    private final Predefined mpi;

    Datatype(ValueLayout layout, Predefined mpi) {
        this(layout, 1, mpi);
    }

    Datatype(ValueLayout layout, int parts, Predefined mpi) {
        this.layout = layout;
        this.parts = parts;
        this.mpi = mpi;
    }

    /** Bytes per element (16 for COMPLEX128, 8 for COMPLEX64). */
    public int size() {
        return parts * (int) layout.byteSize();
    }

    /** The Java layout of one element, or of its real and imaginary parts each for a complex type. */
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
