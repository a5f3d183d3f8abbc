package org.jhpc.mpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.ToIntFunction;
import org.jhpc.mpi.ffi.Abi;

/** Calls that return a new handle through an out-parameter ({@code MPI_Comm *newcomm}, ...). */
final class LibMpiOut {
    private LibMpiOut() {}

    /** Runs {@code call} with a native handle slot, checks its code, returns the handle it wrote. */
    static long comm(ToIntFunction<MemorySegment> call, String fn) {
        Abi abi = MPI.abi();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(abi.handleLayout());
            MPI.check(call.applyAsInt(out), fn);
            return abi.readHandle(out, 0);
        }
    }
}
