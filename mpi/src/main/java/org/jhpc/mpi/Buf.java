package org.jhpc.mpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * A message buffer: {@code count} elements of one {@link Datatype} in a memory segment, either a Java array (a heap
 * segment, passed to MPI in place for blocking calls) or native memory (always passed in place). This is mpi4py's
 * {@code [buf, count, datatype]} triple. Every communicator method that takes a buffer as {@code Object} accepts a
 * {@code double[]}, {@code long[]}, {@code int[]}, {@code byte[]}, a {@code Buf}, or a {@link MemorySegment} (whose
 * bytes are sent as {@link Datatype#BYTE}; wrap it with {@link #of(MemorySegment, Datatype)} to send doubles).
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

    public static Buf of(double[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.DOUBLE); }
    public static Buf of(long[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.LONG); }
    public static Buf of(int[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.INT); }
    public static Buf of(byte[] a) { return new Buf(MemorySegment.ofArray(a), Datatype.BYTE); }

    /** Elements {@code [offset, offset+count)} of an array (e.g. one row of a flat grid). */
    public static Buf of(double[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.DOUBLE, offset, count); }
    public static Buf of(long[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.LONG, offset, count); }
    public static Buf of(int[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.INT, offset, count); }
    public static Buf of(byte[] a, int offset, int count) { return slice(MemorySegment.ofArray(a), Datatype.BYTE, offset, count); }

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

    /** Resolves a buffer argument (see the class comment); {@code null} only where {@code nullable}. */
    static Buf wrap(Object o) {
        return switch (o) {
            case Buf b -> b;
            case double[] a -> of(a);
            case long[] a -> of(a);
            case int[] a -> of(a);
            case byte[] a -> of(a);
            case MemorySegment s -> of(s, Datatype.BYTE);
            case null -> throw new NullPointerException("buffer is null");
            default -> throw new IllegalArgumentException("not an MPI buffer: " + o.getClass().getName()
                    + " (use double[], long[], int[], byte[], MemorySegment or Buf; objects go through *Object methods)");
        };
    }

    /** Like {@link #wrap} but {@code null} (a buffer not significant on this rank) stays null. */
    static Buf wrapOrNull(Object o) {
        return o == null ? null : wrap(o);
    }

    public MemorySegment segment() { return segment; }
    public Datatype type() { return type; }
    public int count() { return count; }

    /** True when the memory is a Java array (nonblocking calls then go through a native copy). */
    public boolean isHeap() {
        return !segment.isNative();
    }
}
