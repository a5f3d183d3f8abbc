package org.jhpc.mpi.ffi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.util.EnumMap;
import java.util.Map;

/**
 * Open MPI's binary interface (versions 3 to 5, soname {@code libmpi.so.40}): every handle is a pointer, and the
 * predefined ones are the addresses of exported globals ({@code MPI_COMM_WORLD} is {@code &ompi_mpi_comm_world},
 * {@code MPI_DOUBLE} is {@code &ompi_mpi_double}, {@code MPI_SUM} is {@code &ompi_mpi_op_sum}, ...; see
 * {@link Predefined}); {@code MPI_IN_PLACE} is the address 1; {@code MPI_Status} is
 * {@code struct { int MPI_SOURCE, MPI_TAG, MPI_ERROR, _cancelled; size_t _ucount; }} (24 bytes).
 */
public final class OpenMpiAbi implements Abi {
    private final Map<Predefined, Long> handles = new EnumMap<>(Predefined.class);

    private OpenMpiAbi(SymbolLookup lib) {
        for (Predefined p : Predefined.values()) {
            handles.put(p, lib.find(p.openMpiSymbol)
                    .orElseThrow(() -> new UnsatisfiedLinkError("libmpi lacks Open MPI symbol " + p.openMpiSymbol))
                    .address());
        }
    }

    /** The Open MPI ABI if {@code lib} is Open MPI (it exports {@code ompi_mpi_comm_world}), else null. */
    public static OpenMpiAbi detect(SymbolLookup lib) {
        return lib.find("ompi_mpi_comm_world").isPresent() ? new OpenMpiAbi(lib) : null;
    }

    @Override public String name() { return "Open MPI"; }
    @Override public ValueLayout handleLayout() { return ValueLayout.JAVA_LONG; }
    @Override public long handle(Predefined p) { return handles.get(p); }
    @Override public MemorySegment inPlace() { return MemorySegment.ofAddress(1); }
    @Override public int errTruncate() { return 15; }
    @Override public int orderC() { return 0; }
    @Override public long statusSize() { return 24; }
    @Override public int statusSource(MemorySegment s) { return s.get(ValueLayout.JAVA_INT, 0); }
    @Override public int statusTag(MemorySegment s) { return s.get(ValueLayout.JAVA_INT, 4); }
    @Override public int statusError(MemorySegment s) { return s.get(ValueLayout.JAVA_INT, 8); }
    @Override public long statusBytes(MemorySegment s) { return s.get(ValueLayout.JAVA_LONG, 16); }
}
