package org.jhpc.mpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Per-thread native scratch for bounded calls' out-parameters, allocated once: one {@code MPI_Status}, a few ints
 * and a few handle slots (a request, a matched message).
 */
final class Scratch {
    private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

    final MemorySegment status;
    /** A second status, for a call that completes two operations (a send beside a receive). */
    final MemorySegment status2;
    final MemorySegment ints;
    /** Room for a request handle (at 0) and a message handle (at 8). */
    final MemorySegment handles;

    private Scratch() {
        MemorySegment all = Arena.ofAuto().allocate(448, 64);
        status = all.asSlice(0, MPI.abi().statusSize());
        ints = all.asSlice(128, 128);
        handles = all.asSlice(256, 64);
        status2 = all.asSlice(320, MPI.abi().statusSize());
    }

    static Scratch get() {
        return LOCAL.get();
    }

    int intAt(int i) {
        return ints.getAtIndex(ValueLayout.JAVA_INT, i);
    }

    MemorySegment request() {
        return handles.asSlice(0, 8);
    }

    MemorySegment message() {
        return handles.asSlice(8, 8);
    }
}
