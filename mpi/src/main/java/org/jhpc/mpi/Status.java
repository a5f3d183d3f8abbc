package org.jhpc.mpi;

import java.lang.foreign.MemorySegment;
import org.jhpc.mpi.ffi.Abi;

/**
 * What a receive (or probe) learnt: the sender's rank, the message's tag, and its size in elements of the datatype
 * it was received as (bytes for object messages). A receive from {@link MPI#PROC_NULL} has source PROC_NULL, tag
 * {@link MPI#ANY_TAG} and count 0.
 */
public record Status(int source, int tag, int count) {

    /** Decodes a native {@code MPI_Status}; like {@code MPI_Get_count}, a partial element gives UNDEFINED. */
    static Status of(Abi abi, MemorySegment st, Datatype t) {
        long bytes = abi.statusBytes(st);
        int count = bytes % t.size() == 0 ? (int) (bytes / t.size()) : MPI.UNDEFINED;
        return new Status(abi.rank(abi.statusSource(st)), abi.statusTag(st), count);
    }
}
