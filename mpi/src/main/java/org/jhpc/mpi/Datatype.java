package org.jhpc.mpi;

import java.lang.foreign.ValueLayout;
import org.jhpc.mpi.ffi.Abi;

/** The element types jhpc sends raw: {@code double}, 64-bit {@code long}, 32-bit {@code int}, {@code byte}. */
public enum Datatype {
    DOUBLE(ValueLayout.JAVA_DOUBLE),
    LONG(ValueLayout.JAVA_LONG),
    INT(ValueLayout.JAVA_INT),
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
        };
    }
}
