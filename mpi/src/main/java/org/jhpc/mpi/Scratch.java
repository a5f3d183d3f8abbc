package org.jhpc.mpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Per-thread native scratch for out-parameters: one {@code MPI_Status} and a few ints, allocated once. */
final class Scratch {
    private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

    final MemorySegment status;
    final MemorySegment ints;

    private Scratch() {
        MemorySegment all = Arena.ofAuto().allocate(256, 16);
        status = all.asSlice(0, MPI.abi().statusSize());
        ints = all.asSlice(128, 128);
    }

    static Scratch get() {
        return LOCAL.get();
    }

    int intAt(int i) {
        return ints.getAtIndex(ValueLayout.JAVA_INT, i);
    }
}
