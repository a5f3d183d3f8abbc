package org.jhpc.mpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jhpc.mpi.ffi.Abi;
import org.jhpc.mpi.ffi.LibMpi;

/**
 * A committed derived datatype: a strided {@link #vector} (a column of a row-major grid) or a {@link #subarray}
 * (a block of a grid), built from a {@link Datatype}. Used as an MPI-IO file view ({@link File#setView}); freed by
 * {@link #close()} ({@code MPI_Type_free}).
 */
public final class DerivedType implements AutoCloseable {
    private long handle;
    private final Datatype element;
    private final long elements;

    private DerivedType(long handle, Datatype element, long elements) {
        this.handle = handle;
        this.element = element;
        this.elements = elements;
    }

    /**
     * {@code count} blocks of {@code blocklength} elements, the starts of consecutive blocks {@code stride}
     * elements apart ({@code MPI_Type_vector}); e.g. column j of an r × c row-major grid is
     * {@code vector(r, 1, c, DOUBLE)} from element j.
     */
    public static DerivedType vector(int count, int blocklength, int stride, Datatype element) {
        if (count < 0 || blocklength < 0) throw new IllegalArgumentException("vector: negative count or block length");
        return commit(out -> LibMpi.typeVector(count, blocklength, stride, element.handle(MPI.abi()), out),
                "MPI_Type_vector", element, (long) count * blocklength);
    }

    /**
     * The block {@code subsizes} at {@code starts} of a row-major (C order) array of {@code sizes}
     * ({@code MPI_Type_create_subarray}); e.g. rank r's tile of a global grid.
     */
    public static DerivedType subarray(int[] sizes, int[] subsizes, int[] starts, Datatype element) {
        int d = sizes.length;
        if (subsizes.length != d || starts.length != d) throw new IllegalArgumentException("subarray: dimensions differ");
        long n = 1;
        for (int i = 0; i < d; i++) {
            if (subsizes[i] < 0 || starts[i] < 0 || starts[i] + subsizes[i] > sizes[i]) {
                throw new IllegalArgumentException("subarray: dimension " + i + " block [" + starts[i] + ", "
                        + (starts[i] + subsizes[i]) + ") outside 0.." + sizes[i]);
            }
            n *= subsizes[i];
        }
        MPI.init();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment sz = a.allocateFrom(ValueLayout.JAVA_INT, sizes);
            MemorySegment sub = a.allocateFrom(ValueLayout.JAVA_INT, subsizes);
            MemorySegment st = a.allocateFrom(ValueLayout.JAVA_INT, starts);
            return commit(out -> LibMpi.typeCreateSubarray(d, sz, sub, st, MPI.abi().orderC(), element.handle(MPI.abi()),
                    out), "MPI_Type_create_subarray", element, n);
        }
    }

    private static DerivedType commit(java.util.function.ToIntFunction<MemorySegment> create, String fn, Datatype element,
                                      long elements) {
        MPI.init();
        Abi abi = MPI.abi();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment slot = a.allocate(abi.handleLayout());
            MPI.check(create.applyAsInt(slot), fn);
            MPI.check(LibMpi.typeCommit(slot), "MPI_Type_commit");
            return new DerivedType(abi.readHandle(slot, 0), element, elements);
        }
    }

    /** The element type it is built from. */
    public Datatype element() {
        return element;
    }

    /** How many elements of {@link #element()} it selects. */
    public long elements() {
        return elements;
    }

    long handle() {
        if (handle == 0) throw new IllegalStateException("datatype was freed");
        return handle;
    }

    @Override
    public void close() {
        if (handle == 0) return;
        Abi abi = MPI.abi();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment slot = a.allocate(abi.handleLayout());
            abi.writeHandle(slot, 0, handle);
            handle = 0;
            MPI.check(LibMpi.typeFree(slot), "MPI_Type_free");
        }
    }
}
