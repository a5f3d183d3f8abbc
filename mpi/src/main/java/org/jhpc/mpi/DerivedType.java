package org.jhpc.mpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jhpc.mpi.ffi.Abi;
import org.jhpc.mpi.ffi.LibMpi;

/**
 * A committed derived datatype: a strided {@link #vector} (a column of a row-major grid) or a {@link #subarray}
 * (a block of a grid), built from a {@link Datatype}. Used as an MPI-IO file view ({@link File#setView}) and as the
 * shape of a point-to-point message ({@link Buf#of(double[], int, DerivedType)}: a grid column sent and received in
 * place, no packing by the caller); freed by {@link #close()} ({@code MPI_Type_free}).
 *
 * <p>Its type map is a list of equal-length blocks of elements: block k covers elements
 * {@code [start(k), start(k) + blockLength())} counted from where the type is placed, and the blocks ascend. The
 * extent ({@link #extent()}) is the span MPI gives the type: {@code (count-1)·stride + blocklength} for a vector,
 * the whole array for a subarray.
 */
public final class DerivedType implements AutoCloseable {
    private long handle;
    private final Datatype element;
    private final long elements;
    private final long extent;
    private final int blockLength;
    private final java.util.function.Supplier<long[]> starts;
    private long[] blockStarts;   // computed on first use as a message

    private DerivedType(long handle, Datatype element, long elements, long extent, int blockLength,
                        java.util.function.Supplier<long[]> starts) {
        this.handle = handle;
        this.element = element;
        this.elements = elements;
        this.extent = extent;
        this.blockLength = blockLength;
        this.starts = starts;
    }

    /**
     * {@code count} blocks of {@code blocklength} elements, the starts of consecutive blocks {@code stride}
     * elements apart ({@code MPI_Type_vector}); e.g. column j of an r × c row-major grid is
     * {@code vector(r, 1, c, DOUBLE)} from element j.
     */
    public static DerivedType vector(int count, int blocklength, int stride, Datatype element) {
        if (count < 0 || blocklength < 0) throw new IllegalArgumentException("vector: negative count or block length");
        long extent = count == 0 ? 0 : (long) (count - 1) * stride + blocklength;
        return commit(out -> LibMpi.typeVector(count, blocklength, stride, element.handle(MPI.abi()), out),
                "MPI_Type_vector", element, (long) count * blocklength,
                stride >= blocklength ? extent : -1, blocklength, () -> {
                    long[] st = new long[count];
                    for (int k = 0; k < count; k++) st[k] = (long) k * stride;
                    return st;
                });
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
            long whole = 1;
            for (int size : sizes) whole *= size;
            int[] sizesC = sizes.clone(), subC = subsizes.clone(), startsC = starts.clone();
            return commit(out -> LibMpi.typeCreateSubarray(d, sz, sub, st, MPI.abi().orderC(), element.handle(MPI.abi()),
                    out), "MPI_Type_create_subarray", element, n, whole, d == 0 ? 1 : subsizes[d - 1],
                    () -> subarrayStarts(sizesC, subC, startsC));
        }
    }

    /** Row-major block starts of a subarray: one block per index of all but the last dimension. */
    private static long[] subarrayStarts(int[] sizes, int[] sub, int[] starts) {
        int d = sizes.length;
        if (d == 0) return new long[] {0};
        long blocks = 1;
        for (int i = 0; i < d - 1; i++) blocks *= sub[i];
        if (sub[d - 1] == 0) blocks = 0;
        long[] out = new long[Math.toIntExact(blocks)];
        int[] idx = new int[d];
        for (int k = 0; k < out.length; k++) {
            long at = 0;
            for (int i = 0; i < d; i++) at = at * sizes[i] + starts[i] + (i < d - 1 ? idx[i] : 0);
            out[k] = at;
            for (int i = d - 2; i >= 0 && ++idx[i] == sub[i]; i--) idx[i] = 0;
        }
        return out;
    }

    private static DerivedType commit(java.util.function.ToIntFunction<MemorySegment> create, String fn, Datatype element,
                                      long elements, long extent, int blockLength, java.util.function.Supplier<long[]> starts) {
        MPI.init();
        Abi abi = MPI.abi();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment slot = a.allocate(abi.handleLayout());
            MPI.check(create.applyAsInt(slot), fn);
            MPI.check(LibMpi.typeCommit(slot), "MPI_Type_commit");
            return new DerivedType(abi.readHandle(slot, 0), element, elements, extent, blockLength, starts);
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

    /**
     * The span of the type in elements (from its first element to one past its last), or -1 for a vector whose
     * blocks overlap or run backwards (stride below the block length): such a type cannot shape a message buffer.
     */
    public long extent() {
        return extent;
    }

    /** Elements per block of the type map. */
    int blockLength() {
        return blockLength;
    }

    /** Where each block starts, in elements from where the type is placed (ascending). */
    long[] blockStarts() {
        long[] s = blockStarts;
        if (s == null) blockStarts = s = starts.get();
        return s;
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
