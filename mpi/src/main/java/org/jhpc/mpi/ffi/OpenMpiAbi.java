package org.jhpc.mpi.ffi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;

/**
 * Open MPI's binary interface (versions 3 to 5, soname {@code libmpi.so.40}): every handle is a pointer, and the
 * predefined ones are the addresses of exported globals ({@code MPI_COMM_WORLD} is {@code &ompi_mpi_comm_world},
 * {@code MPI_DOUBLE} is {@code &ompi_mpi_double}, {@code MPI_SUM} is {@code &ompi_mpi_op_sum}, ...);
 * {@code MPI_IN_PLACE} is the address 1; {@code MPI_Status} is
 * {@code struct { int MPI_SOURCE, MPI_TAG, MPI_ERROR, _cancelled; size_t _ucount; }} (24 bytes).
 */
public final class OpenMpiAbi implements Abi {
    private final long commWorld, commSelf, commNull, requestNull, errorsReturn;
    private final long tDouble, tLong, tInt, tByte, tInt8, tFloat, tShort, tChar, messageNull;
    private final long opSum, opProd, opMin, opMax;

    private OpenMpiAbi(SymbolLookup lib) {
        commWorld = sym(lib, "ompi_mpi_comm_world");
        commSelf = sym(lib, "ompi_mpi_comm_self");
        commNull = sym(lib, "ompi_mpi_comm_null");
        requestNull = sym(lib, "ompi_request_null");
        errorsReturn = sym(lib, "ompi_mpi_errors_return");
        tDouble = sym(lib, "ompi_mpi_double");
        tLong = sym(lib, "ompi_mpi_int64_t");
        tInt = sym(lib, "ompi_mpi_int");
        tByte = sym(lib, "ompi_mpi_byte");
        tInt8 = sym(lib, "ompi_mpi_int8_t");
        tFloat = sym(lib, "ompi_mpi_float");
        tShort = sym(lib, "ompi_mpi_int16_t");
        tChar = sym(lib, "ompi_mpi_uint16_t");
        messageNull = sym(lib, "ompi_message_null");
        opSum = sym(lib, "ompi_mpi_op_sum");
        opProd = sym(lib, "ompi_mpi_op_prod");
        opMin = sym(lib, "ompi_mpi_op_min");
        opMax = sym(lib, "ompi_mpi_op_max");
    }

    /** The Open MPI ABI if {@code lib} is Open MPI (it exports {@code ompi_mpi_comm_world}), else null. */
    public static OpenMpiAbi detect(SymbolLookup lib) {
        return lib.find("ompi_mpi_comm_world").isPresent() ? new OpenMpiAbi(lib) : null;
    }

    private static long sym(SymbolLookup lib, String name) {
        return lib.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libmpi lacks Open MPI symbol " + name))
                .address();
    }

    @Override public String name() { return "Open MPI"; }
    @Override public ValueLayout handleLayout() { return ValueLayout.JAVA_LONG; }
    @Override public long commWorld() { return commWorld; }
    @Override public long commSelf() { return commSelf; }
    @Override public long commNull() { return commNull; }
    @Override public long requestNull() { return requestNull; }
    @Override public long errorsReturn() { return errorsReturn; }
    @Override public long datatypeDouble() { return tDouble; }
    @Override public long datatypeLong() { return tLong; }
    @Override public long datatypeInt() { return tInt; }
    @Override public long datatypeByte() { return tByte; }
    @Override public long datatypeInt8() { return tInt8; }
    @Override public long datatypeFloat() { return tFloat; }
    @Override public long datatypeShort() { return tShort; }
    @Override public long datatypeChar() { return tChar; }
    @Override public long messageNull() { return messageNull; }
    @Override public int errTruncate() { return 15; }
    @Override public long opSum() { return opSum; }
    @Override public long opProd() { return opProd; }
    @Override public long opMin() { return opMin; }
    @Override public long opMax() { return opMax; }
    @Override public MemorySegment inPlace() { return MemorySegment.ofAddress(1); }
    @Override public long statusSize() { return 24; }
    @Override public int statusSource(MemorySegment s) { return s.get(ValueLayout.JAVA_INT, 0); }
    @Override public int statusTag(MemorySegment s) { return s.get(ValueLayout.JAVA_INT, 4); }
    @Override public int statusError(MemorySegment s) { return s.get(ValueLayout.JAVA_INT, 8); }
    @Override public long statusBytes(MemorySegment s) { return s.get(ValueLayout.JAVA_LONG, 16); }
}
