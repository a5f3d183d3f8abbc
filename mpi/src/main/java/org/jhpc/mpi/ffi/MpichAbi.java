package org.jhpc.mpi.ffi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;

/**
 * MPICH's binary interface (MPICH 3.1 and later, soname {@code libmpich.so.12} or {@code libmpi.so.12}; also Intel
 * MPI, MVAPICH and Cray MPICH, which keep it): every handle except {@code MPI_File} is a C {@code int} and the
 * predefined ones are constants of {@code mpi.h} ({@link Predefined}); {@code MPI_IN_PLACE} is the address -1;
 * {@code MPI_Status} is {@code struct { int count_lo, count_hi_and_cancelled, MPI_SOURCE, MPI_TAG, MPI_ERROR; }}
 * (20 bytes), the byte count being {@code count_lo + (count_hi_and_cancelled >>> 1) << 32} (both unsigned).
 */
public final class MpichAbi implements Abi {
    private MpichAbi() {}

    /**
     * The MPICH ABI if {@code lib} is an MPICH-family library: it has MPI's functions, none of Open MPI's globals,
     * and MPICH's internal error entry point {@code MPIR_Err_return_comm}; else null.
     */
    public static MpichAbi detect(SymbolLookup lib) {
        boolean mpich = lib.find("MPI_Init").isPresent() && lib.find("ompi_mpi_comm_world").isEmpty()
                && lib.find("MPIR_Err_return_comm").isPresent();
        return mpich ? new MpichAbi() : null;
    }

    @Override public String name() { return "MPICH"; }
    /** MPICH's {@code MPI_PROC_NULL} is -1 and {@code MPI_ANY_SOURCE} -2: the other way round from jhpc's. */
    @Override public int rank(int r) { return r == -1 ? -2 : r == -2 ? -1 : r; }
    @Override public ValueLayout handleLayout() { return ValueLayout.JAVA_INT; }
    @Override public long handle(Predefined p) { return p.mpichValue; }
    @Override public MemorySegment inPlace() { return MemorySegment.ofAddress(-1L); }
    @Override public int errTruncate() { return 14; }
    @Override public boolean mpichNumbering() { return true; }
    @Override public int orderC() { return 56; }
    @Override public long statusSize() { return 20; }
    @Override public int statusSource(MemorySegment s) { return s.get(ValueLayout.JAVA_INT, 8); }
    @Override public int statusTag(MemorySegment s) { return s.get(ValueLayout.JAVA_INT, 12); }
    @Override public int statusError(MemorySegment s) { return s.get(ValueLayout.JAVA_INT, 16); }

    @Override
    public long statusBytes(MemorySegment s) {
        long lo = Integer.toUnsignedLong(s.get(ValueLayout.JAVA_INT, 0));
        long hi = Integer.toUnsignedLong(s.get(ValueLayout.JAVA_INT, 4)) >>> 1;
        return lo + (hi << 32);
    }
}
