package org.jhpc.mpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * A message buffer: {@code count} elements of one {@link Datatype} in a memory segment, either a Java array (a heap
 * segment, staged through native memory for MPI) or native memory (passed in place). This is mpi4py's
 * {@code [buf, count, datatype]} triple. Every communicator method that takes a {@code Buf} also has overloads for
 * {@code double[]}, {@code float[]}, {@code long[]}, {@code int[]}, {@code short[]}, {@code char[]}, {@code byte[]}
 * and {@link MemorySegment} (whose bytes are sent as {@link Datatype#BYTE}; wrap it with
 * {@link #of(MemorySegment, Datatype)} to send doubles), so a wrong buffer type fails at compile time.
 */
public final class Buf {
    final MemorySegment segment;
    final Datatype type;
    final int count;
    /** Non-null for a message shaped by a derived type: one instance of it, over {@code segment} (its extent). */
    final DerivedType derived;

    private Buf(MemorySegment segment, DerivedType derived) {
        this.segment = segment;
        this.type = derived.element();
        this.count = Math.toIntExact(derived.elements());
        this.derived = derived;
    }

    private Buf(MemorySegment segment, Datatype type) {
        long n = segment.byteSize() / type.size();
        if (n * type.size() != segment.byteSize()) {
            throw new IllegalArgumentException("segment of " + segment.byteSize() + " bytes is not a whole number of "
                    + type + " elements");
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("message of " + n + " elements exceeds MPI's int count limit");
        }
        this.segment = segment;
        this.type = type;
        this.count = (int) n;
        this.derived = null;
    }

    /** The whole array: its length is the count (likewise for the other element types below). */
    public static Buf of(double[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.DOUBLE); }
    public static Buf of(long[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.LONG); }
    public static Buf of(int[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.INT); }
    public static Buf of(byte[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.BYTE); }
    public static Buf of(float[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.FLOAT); }
    public static Buf of(short[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.SHORT); }
    public static Buf of(char[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.CHAR); }

    /**
     * An array of complex numbers stored interleaved, {@code a[2k]} the real and {@code a[2k+1]} the imaginary part
     * of element k (numpy's {@code complex128} memory layout), as {@code a.length / 2} elements of
     * {@link Datatype#COMPLEX128} ({@code MPI_C_DOUBLE_COMPLEX}); the length must be even.
     */
    public static Buf ofComplex(double[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.COMPLEX128); }
    /** Interleaved {@code complex64} ({@link Datatype#COMPLEX64}, {@code MPI_C_FLOAT_COMPLEX}), as for doubles. */
    public static Buf ofComplex(float[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.COMPLEX64); }
    /** Complex elements {@code [offset, offset+count)} (each two array entries) of an interleaved array. */
    public static Buf ofComplex(double[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.COMPLEX128, offset, count); }
    public static Buf ofComplex(float[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.COMPLEX64, offset, count); }

    /** Elements {@code [offset, offset+count)} of an array (e.g. one row of a flat grid). */
    public static Buf of(double[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.DOUBLE, offset, count); }
    public static Buf of(long[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.LONG, offset, count); }
    public static Buf of(int[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.INT, offset, count); }
    public static Buf of(byte[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.BYTE, offset, count); }
    public static Buf of(float[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.FLOAT, offset, count); }
    public static Buf of(short[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.SHORT, offset, count); }
    public static Buf of(char[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.CHAR, offset, count); }

    /**
     * The elements {@code t} selects, placed at element {@code offset} of the array ({@code [buf, 1, t]} in mpi4py):
     * e.g. column j of a row-major grid with {@code stride} columns is {@code Buf.of(grid, j, DerivedType.vector(rows,
     * 1, stride, DOUBLE))}. MPI moves those elements only; sent and received in place, no packing by the caller.
     * Point-to-point only ({@code send}, {@code ssend}, {@code recv}, {@code sendrecv}); the type's element must be
     * the array's and its extent must lie in the array. The type must stay open while the buffer is in use.
     */
    public static Buf of(double[] a, int offset, DerivedType t) { return shaped(MemorySegment.ofArray(a), Datatype.DOUBLE, offset, t); }
    public static Buf of(float[] a, int offset, DerivedType t) { return shaped(MemorySegment.ofArray(a), Datatype.FLOAT, offset, t); }
    public static Buf of(long[] a, int offset, DerivedType t) { return shaped(MemorySegment.ofArray(a), Datatype.LONG, offset, t); }
    public static Buf of(int[] a, int offset, DerivedType t) { return shaped(MemorySegment.ofArray(a), Datatype.INT, offset, t); }
    public static Buf of(short[] a, int offset, DerivedType t) { return shaped(MemorySegment.ofArray(a), Datatype.SHORT, offset, t); }
    public static Buf of(char[] a, int offset, DerivedType t) { return shaped(MemorySegment.ofArray(a), Datatype.CHAR, offset, t); }
    public static Buf of(byte[] a, int offset, DerivedType t) { return shaped(MemorySegment.ofArray(a), Datatype.BYTE, offset, t); }

    /** {@link #of(double[], int, DerivedType)} on native memory: {@code t} placed at element {@code offset} of {@code s}. */
    public static Buf of(MemorySegment s, int offset, DerivedType t) {
        return shaped(Objects.requireNonNull(s), t.element(), offset, t);
    }

    private static Buf shaped(MemorySegment s, Datatype arrayType, long offset, DerivedType t) {
        if (t.element() != arrayType) {
            throw new IllegalArgumentException("a datatype of " + t.element() + " elements over a " + arrayType + " buffer");
        }
        long extent = t.extent();
        if (extent < 0) throw new IllegalArgumentException("a vector with stride below its block length cannot shape a buffer");
        t.handle();   // not freed
        long length = s.byteSize() / arrayType.size();
        if (extent == 0 && offset >= 0) offset = Math.min(offset, length);   // an empty type selects nothing anywhere
        if (offset < 0 || offset + extent > length) {
            throw new IllegalArgumentException("the datatype spans elements [" + offset + ", " + (offset + extent)
                    + "), outside a buffer of " + length);
        }
        if (t.elements() > Integer.MAX_VALUE) throw new IllegalArgumentException("a datatype of more than 2^31 elements");
        return new Buf(s.asSlice(offset * arrayType.size(), extent * arrayType.size()), t);
    }

    /** Bytes MPI moves for this buffer: count × element size (less than the segment for a derived type). */
    long packedBytes() {
        return (long) count * type.size();
    }

    /**
     * Copies the elements this buffer selects from {@code src} to {@code dst} (both laid out like {@link #segment}),
     * at most {@code bytes} of them in type-map order; the whole segment's first {@code bytes} for a plain buffer.
     */
    void copySelected(MemorySegment src, MemorySegment dst, long bytes) {
        if (derived == null) {
            MemorySegment.copy(src, 0, dst, 0, bytes);
            return;
        }
        long e = type.size(), len = derived.blockLength() * e;
        for (long start : derived.blockStarts()) {
            if (bytes <= 0) return;
            long n = Math.min(len, bytes);
            MemorySegment.copy(src, start * e, dst, start * e, n);
            bytes -= n;
        }
    }

    /** Whether the elements of this buffer and {@code o} share memory (for a derived type: selected elements only). */
    boolean overlaps(Buf o) {
        if (segment.asOverlappingSlice(o.segment).isEmpty()) return false;
        if (derived == null && o.derived == null) return true;
        long[] a = intervals(), b = o.intervals();   // [start, end) byte pairs, ascending, same address space
        int i = 0, j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j + 1] && b[j] < a[i + 1]) return true;
            if (a[i + 1] <= b[j + 1]) i += 2;
            else j += 2;
        }
        return false;
    }

    private long[] intervals() {
        long base = segment.address();   // for heap segments: the offset in the array
        if (derived == null) return new long[] {base, base + segment.byteSize()};
        long e = type.size(), len = derived.blockLength() * e;
        long[] starts = derived.blockStarts();
        long[] out = new long[2 * starts.length];
        for (int k = 0; k < starts.length; k++) {
            out[2 * k] = base + starts[k] * e;
            out[2 * k + 1] = out[2 * k] + len;
        }
        return out;
    }

    /** The whole segment as elements of {@code type} (its size must be a multiple of the element size). */
    public static Buf of(MemorySegment s, Datatype type) {
        return new Buf(Objects.requireNonNull(s), type);
    }

    private static Buf slice(MemorySegment s, Datatype t, long offset, long count) {
        long length = s.byteSize() / t.size();
        if (offset < 0 || count < 0 || offset + count > length) {
            throw new IllegalArgumentException("elements [" + offset + ", " + (offset + count) + ") do not lie in an array of "
                    + length + (count < 0 ? " (negative count)" : offset < 0 ? " (negative offset)" : ""));
        }
        return new Buf(s.asSlice(offset * t.size(), count * t.size()), t);
    }

    /** This buffer, checked to be one MPI may write ({@code what} names the call for the message). */
    Buf writable(String what) {
        if (segment.isReadOnly()) throw new IllegalArgumentException(what + ": the receive buffer is read-only");
        return this;
    }

    /** {@code b}, which must not be null ({@code what} names the call). */
    static Buf need(Buf b) {
        if (b == null) throw new NullPointerException("buffer is null");
        if (b.derived != null) {
            throw new IllegalArgumentException("a buffer shaped by a derived datatype works in send, ssend, recv and "
                    + "sendrecv only");
        }
        return b;
    }

    // null stays null (a buffer not significant on this rank); used by Comm's typed overloads
    static Buf orNull(double[] a) { return a == null ? null : of(a); }
    static Buf orNull(float[] a) { return a == null ? null : of(a); }
    static Buf orNull(long[] a) { return a == null ? null : of(a); }
    static Buf orNull(int[] a) { return a == null ? null : of(a); }
    static Buf orNull(short[] a) { return a == null ? null : of(a); }
    static Buf orNull(char[] a) { return a == null ? null : of(a); }
    static Buf orNull(byte[] a) { return a == null ? null : of(a); }
    static Buf orNull(MemorySegment s) { return s == null ? null : of(s, Datatype.BYTE); }

    /** The memory: a heap segment over the array, or native memory. */
    public MemorySegment segment() { return segment; }
    /** The element type. */
    public Datatype type() { return type; }
    /** The number of elements (that the derived type selects, for a shaped buffer). */
    public int count() { return count; }
    /** The derived datatype that shapes this buffer, or null for a plain run of elements. */
    public DerivedType derived() { return derived; }

    /** True when the memory is a Java array (nonblocking calls then go through a native copy). */
    public boolean isHeap() {
        return !segment.isNative();
    }
}
