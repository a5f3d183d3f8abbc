package org.jhpc.mpi.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * How {@link LibMpi}'s table becomes method handles: each function is looked up in the loaded libmpi and bound
 * as a {@link #BOUNDED} (critical) or {@link #BLOCKING} (ordinary) downcall, with handle parameters ({@link #H},
 * the ABI's handle layout) taken as Java {@code long}s and narrowed once here.
 */
final class Downcalls {
    private Downcalls() {}

    /** Calls that return after a short, bounded time: {@code Linker.Option.critical(true)}. */
    static final boolean BOUNDED = true;
    /** Calls that may wait on other ranks: ordinary downcalls. */
    static final boolean BLOCKING = false;
    /** The layout of an MPI handle in this ABI ({@code JAVA_LONG} for Open MPI, {@code JAVA_INT} for MPICH). */
    static final MemoryLayout H = Native.abi().handleLayout().withName("handle");   // a distinct instance: matched by identity

    private static final Linker LINKER = Linker.nativeLinker();

    static MethodHandle bind(String name, boolean bounded, MemoryLayout ret, MemoryLayout... args) {
        MemorySegment f = Native.library().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError(Native.path() + " lacks " + name));
        FunctionDescriptor fd = ret == null ? FunctionDescriptor.ofVoid(args) : FunctionDescriptor.of(ret, args);
        MethodHandle mh = bounded ? LINKER.downcallHandle(f, fd, Linker.Option.critical(true))
                : LINKER.downcallHandle(f, fd);
        MethodType t = mh.type();
        for (int i = 0; i < args.length; i++) {
            if (args[i] == H) t = t.changeParameterType(i, long.class);
        }
        return MethodHandles.explicitCastArguments(mh, t);
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
}
