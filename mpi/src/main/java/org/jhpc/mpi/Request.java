package org.jhpc.mpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jhpc.mpi.ffi.Abi;
import org.jhpc.mpi.ffi.LibMpi;
import org.jhpc.mpi.ffi.NativeMemory;

/**
 * A nonblocking operation in flight ({@code isend}/{@code irecv}). It owns the native memory MPI reads or writes
 * until the operation completes: a Java array is copied to native memory when the operation starts (and, for a
 * receive, copied back into the array on completion); a native {@link MemorySegment} is used in place and kept
 * reachable. The native copy, the request handle and the status live in one {@code malloc}'d block freed the moment
 * the operation completes (never earlier: requests not yet completed are held by a process-wide set, so dropping a
 * {@code Request} without waiting cannot free memory MPI is still using). Complete it with {@link #await()},
 * {@link #test()} or {@link #waitall}.
 */
public final class Request {
    private static final Set<Request> PENDING = ConcurrentHashMap.newKeySet();

    private final MemorySegment block;     // malloc'd: slot, status, and the native copy of a heap buffer
    private final MemorySegment slot;      // the MPI_Request handle, written by MPI
    private final MemorySegment status;
    private final MemorySegment nativeBuf; // what MPI uses
    private final MemorySegment copyBack;  // the Java array to fill on completion (receives), or null
    private final Datatype type;
    private Status result;
    private MpiException failure;

    private Request(MemorySegment block, MemorySegment slot, MemorySegment status, MemorySegment nativeBuf,
                    MemorySegment copyBack, Datatype type) {
        this.block = block;
        this.slot = slot;
        this.status = status;
        this.nativeBuf = nativeBuf;
        this.copyBack = copyBack;
        this.type = type;
    }

    /** Starts {@code MPI_Isend} or {@code MPI_Irecv} on {@code comm}. */
    static Request start(boolean send, Buf b, int peer, int tag, long comm) {
        Abi abi = MPI.abi();
        long copy = b.isHeap() ? b.segment.byteSize() : 0;
        MemorySegment block = NativeMemory.malloc(HEADER + copy);
        try {
            MemorySegment slot = block.asSlice(0, abi.handleLayout().byteSize());
            MemorySegment status = block.asSlice(16, abi.statusSize());
            MemorySegment mem = b.segment;
            MemorySegment back = null;
            if (b.isHeap()) {
                mem = block.asSlice(HEADER, copy);
                if (send) mem.copyFrom(b.segment);
                else back = b.segment;
            }
            Request r = new Request(block, slot, status, mem, back, b.type);
            long t = b.type.handle(abi);
            int rc = send ? LibMpi.isend(mem, b.count, t, abi.rank(peer), tag, comm, slot)
                    : LibMpi.irecv(mem, b.count, t, abi.rank(peer), tag, comm, slot);
            MPI.check(rc, send ? "MPI_Isend" : "MPI_Irecv");
            PENDING.add(r);
            return r;
        } catch (RuntimeException | Error e) {
            NativeMemory.free(block);
            throw e;
        }
    }

    /** Bytes before the buffer copy: the handle (≤ 8) at 0, the status (≤ 112) at 16, aligned for any element. */
    private static final long HEADER = 128;

    /** Whether the operation has completed (through this object). */
    public synchronized boolean done() {
        return result != null;
    }

    /**
     * Blocks until the operation completes ({@code MPI_Wait}); returns its status (count in elements). A failed
     * operation throws its {@link MpiException}, now and on every later call.
     */
    public synchronized Status await() {
        if (failure != null) throw failure;
        if (result != null) return result;
        int rc = LibMpi.wait(slot, status);
        if (rc != 0) throw fail(MPI.error(rc, "MPI_Wait"));
        return complete();
    }

    /** Completes the operation if it has finished ({@code MPI_Test}); true when it has. */
    public synchronized boolean test() {
        if (failure != null) throw failure;
        if (result != null) return true;
        Scratch s = Scratch.get();
        int rc = LibMpi.test(slot, s.ints, status);
        if (rc != 0) throw fail(MPI.error(rc, "MPI_Test"));
        if (s.intAt(0) == 0) return false;
        complete();
        return true;
    }

    /** The status, once completed (null before). */
    public synchronized Status status() {
        return result;
    }

    /** The operation failed: MPI freed the request; so is its memory, and the error is kept for later calls. */
    private MpiException fail(MpiException e) {
        failure = e;
        PENDING.remove(this);
        NativeMemory.free(block);
        return e;
    }

    private Status complete() {
        result = Status.of(MPI.abi(), status, type);
        int count = Math.max(result.count(), 0);
        if (copyBack != null && count > 0) {
            MemorySegment.copy(nativeBuf, 0, copyBack, 0, Math.min((long) count * type.size(), copyBack.byteSize()));
        }
        PENDING.remove(this);
        NativeMemory.free(block);
        return result;
    }

    /** Waits for all the requests ({@code MPI_Waitall}); returns their statuses in order. */
    public static Status[] waitall(Request... requests) {
        return waitall(List.of(requests));
    }

    /**
     * Waits for every request, in order, and returns their statuses. When some fail, every other one is still
     * completed and the first failure is thrown (each failed request's {@link #await()} throws its own). This is
     * one {@code MPI_Wait} per request rather than {@code MPI_Waitall}: Open MPI 4.1's {@code MPI_Waitall} error path
     * frees memory it does not own (a JVM crash) and can hang on a truncated request.
     */
    public static Status[] waitall(Collection<Request> requests) {
        Request[] rs = requests.toArray(Request[]::new);
        Status[] out = new Status[rs.length];
        MpiException first = null;
        for (int i = 0; i < rs.length; i++) {
            try {
                out[i] = rs[i].await();
            } catch (MpiException e) {
                if (first == null) first = new MpiException("MPI_Waitall: request " + i + " of " + rs.length + ": "
                        + e.getMessage(), e.errorCode());
            }
        }
        if (first != null) throw first;
        return out;
    }
}
