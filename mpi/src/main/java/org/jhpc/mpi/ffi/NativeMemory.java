package org.jhpc.mpi.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * C's {@code malloc}/{@code free} for memory whose lifetime MPI decides (a nonblocking operation's buffer): freed
 * exactly when the operation completes, with no arena (a shared arena's close synchronises with every thread) and
 * no garbage collector involved. Memory of an operation that never completes is never freed, on purpose: MPI may
 * still write into it.
 */
public final class NativeMemory {
    private NativeMemory() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle MALLOC = LINKER.downcallHandle(LINKER.defaultLookup().find("malloc").orElseThrow(),
            FunctionDescriptor.of(ADDRESS, JAVA_LONG), Linker.Option.critical(false));
    private static final MethodHandle FREE = LINKER.downcallHandle(LINKER.defaultLookup().find("free").orElseThrow(),
            FunctionDescriptor.ofVoid(ADDRESS), Linker.Option.critical(false));

    /** {@code bytes} (≥ 1) of uninitialised native memory, 16-byte aligned. */
    public static MemorySegment malloc(long bytes) {
        try {
            MemorySegment p = (MemorySegment) MALLOC.invokeExact(Math.max(1L, bytes));
            if (p.equals(MemorySegment.NULL)) throw new OutOfMemoryError("malloc(" + bytes + ") failed");
            return p.reinterpret(bytes);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    public static void free(MemorySegment p) {
        try {
            FREE.invokeExact(p);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
