package org.jhpc.mpi;

import java.lang.foreign.ValueLayout;
import org.jhpc.mpi.ffi.Abi;

/**
 * The element types jhpc sends raw, one per Java primitive array: {@code double} ({@code MPI_DOUBLE}), {@code float}
 * ({@code MPI_FLOAT}), {@code long} ({@code MPI_INT64_T}), {@code int} ({@code MPI_INT}), {@code short}
 * ({@code MPI_INT16_T}), {@code char} ({@code MPI_UINT16_T}: unsigned, so MIN and MAX order as Java does) and
 * {@code byte} ({@code MPI_BYTE} when moved, {@code MPI_INT8_T} when reduced).
 */
public enum Datatype {
    DOUBLE(ValueLayout.JAVA_DOUBLE),
    FLOAT(ValueLayout.JAVA_FLOAT),
    LONG(ValueLayout.JAVA_LONG),
    INT(ValueLayout.JAVA_INT),
    SHORT(ValueLayout.JAVA_SHORT),
    CHAR(ValueLayout.JAVA_CHAR),
    BYTE(ValueLayout.JAVA_BYTE);

    private final ValueLayout layout;

    Datatype(ValueLayout layout) {
        this.layout = layout;
    }

    /** Bytes per element. */
    public int size() {
        return (int) layout.byteSize();
    }

    public ValueLayout layout() {
        return layout;
    }

    long handle(Abi abi) {
        return switch (this) {
            case DOUBLE -> abi.datatypeDouble();
            case LONG -> abi.datatypeLong();
            case INT -> abi.datatypeInt();
            case BYTE -> abi.datatypeByte();
            case FLOAT -> abi.datatypeFloat();
            case SHORT -> abi.datatypeShort();
            case CHAR -> abi.datatypeChar();
        };
    }
}
