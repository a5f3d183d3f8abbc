package org.jhpc.mpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.jhpc.mpi.ffi.NativeMemory;

/**
 * Native memory through which heap arrays reach blocking MPI calls. A blocking call may wait without bound, so it is
 * an ordinary (non-critical) downcall: its thread is then "in native" and the JVM reaches safepoints (GC included)
 * while it waits. Ordinary downcalls cannot take heap memory, so an array is copied here first (and back after, for
 * what MPI wrote). Each thread keeps one region, grown on demand up to {@link #KEEP} bytes; a larger call, or a
 * nested one, gets a temporary block freed when it closes. Slices are 16-byte aligned.
 */
final class Stage implements AutoCloseable {
    /** A thread keeps up to this many staging bytes between calls. */
    static final long KEEP = 64L << 20;

    private static final ThreadLocal<Stage> LOCAL = ThreadLocal.withInitial(() -> new Stage(false));

    private final boolean temporary;
    private MemorySegment mem = MemorySegment.NULL;
    private long used;
    private boolean busy;

    private Stage(boolean temporary) {
        this.temporary = temporary;
    }

    /** A stage with room for {@code bytes} (the sum of {@link #need}s of what the call stages). */
    static Stage open(long bytes) {
        Stage s = LOCAL.get();
        if (s.busy || bytes > KEEP) {
            Stage t = new Stage(true);
            t.mem = NativeMemory.malloc(Math.max(bytes, 16));
            t.busy = true;
            return t;
        }
        if (s.mem.byteSize() < bytes) {
            s.mem = Arena.ofAuto().allocate(Math.max(bytes, Math.min(KEEP, 2 * s.mem.byteSize())), 64);
        }
        s.used = 0;
        s.busy = true;
        return s;
    }

    /** Staging bytes {@code b} needs: 0 for native memory (used in place), else its size rounded up to 16. */
    static long need(Buf b) {
        return b == null || !b.isHeap() ? 0 : align(b.segment.byteSize());
    }

    static long need(int[] a) {
        return a == null ? 0 : align(4L * a.length);
    }

    private static long align(long n) {
        return (n + 15) & ~15L;
    }

    /** {@code bytes} of this stage's memory, not initialised. */
    MemorySegment take(long bytes) {
        MemorySegment m = mem.asSlice(used, bytes);
        used += align(bytes);
        return m;
    }

    /** What MPI reads for {@code b}: a native copy of a heap buffer, or the native buffer itself. */
    MemorySegment in(Buf b) {
        if (b == null) return MemorySegment.NULL;
        if (!b.isHeap()) return b.segment;
        MemorySegment m = take(b.segment.byteSize());
        b.copySelected(b.segment, m, b.packedBytes());   // a derived type's holes are never read by MPI
        return m;
    }

    /** Where MPI writes for {@code b}: uninitialised staging memory for a heap buffer, or the buffer itself. */
    MemorySegment out(Buf b) {
        if (b == null) return MemorySegment.NULL;
        return b.isHeap() ? take(b.segment.byteSize()) : b.segment;
    }

    /** A native copy of {@code a} (MPI's count and displacement arrays). */
    MemorySegment ints(int[] a) {
        if (a == null) return MemorySegment.NULL;
        MemorySegment m = take(4L * a.length);
        MemorySegment.copy(MemorySegment.ofArray(a), 0, m, 0, 4L * a.length);
        return m;
    }

    /** Copies what MPI wrote at {@code staged} back into heap buffer {@code b} (nothing to do for native memory). */
    static void back(MemorySegment staged, Buf b) {
        if (b != null && b.isHeap()) MemorySegment.copy(staged, 0, b.segment, 0, b.segment.byteSize());
    }

    @Override
    public void close() {
        busy = false;
        if (temporary) NativeMemory.free(mem);
    }
}
