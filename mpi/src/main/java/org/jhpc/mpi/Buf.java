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
    }

    /** The whole array: its length is the count (likewise for the other element types below). */
    public static Buf of(double[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.DOUBLE); }
    public static Buf of(long[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.LONG); }
    public static Buf of(int[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.INT); }
    public static Buf of(byte[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.BYTE); }
    public static Buf of(float[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.FLOAT); }
    public static Buf of(short[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.SHORT); }
    public static Buf of(char[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.CHAR); }

    /** Elements {@code [offset, offset+count)} of an array (e.g. one row of a flat grid). */
    public static Buf of(double[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.DOUBLE, offset, count); }
    public static Buf of(long[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.LONG, offset, count); }
    public static Buf of(int[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.INT, offset, count); }
    public static Buf of(byte[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.BYTE, offset, count); }
    public static Buf of(float[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.FLOAT, offset, count); }
    public static Buf of(short[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.SHORT, offset, count); }
    public static Buf of(char[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.CHAR, offset, count); }

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
    /** The number of elements. */
    public int count() { return count; }

    /** True when the memory is a Java array (nonblocking calls then go through a native copy). */
    public boolean isHeap() {
        return !segment.isNative();
    }
}
