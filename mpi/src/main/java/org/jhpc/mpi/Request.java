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
 * A nonblocking operation in flight ({@code isend}/{@code irecv}, {@code ibcast}, {@code iallreduce},
 * {@code ibarrier}). It owns the native memory MPI reads or writes
 * until the operation completes: a Java array is copied to native memory when the operation starts (and, for a
 * receive, copied back into the array on completion); a native {@link MemorySegment} is used in place and kept
 * reachable. The native copy, the request handle and the status live in one {@code malloc}'d block freed the moment
 * the operation completes (never earlier: requests not yet completed are held by a process-wide set, so dropping a
 * {@code Request} without waiting cannot free memory MPI is still using). Complete it with {@link #await()},
 * {@link #test()} or {@link #waitall}.
 */
public final class Request {
    private static final Set<Request> PENDING = ConcurrentHashMap.newKeySet();

    private final MemorySegment block;     // malloc'd: slot, status, and native copies of heap buffers
    private final MemorySegment slot;      // the MPI_Request handle, written by MPI
    private final MemorySegment status;
    private final MemorySegment nativeBuf; // what MPI writes (receives), or null
    private final MemorySegment copyBack;  // the Java array to fill from nativeBuf on completion, or null
    private final Object keep;             // a native send buffer, kept reachable while MPI reads it
    private final Datatype type;
    private final boolean collective;
    private Status result;
    private MpiException failure;

    private Request(MemorySegment block, MemorySegment nativeBuf, MemorySegment copyBack, Object keep, Datatype type,
                    boolean collective) {
        this.collective = collective;
        Abi abi = MPI.abi();
        this.block = block;
        this.slot = block.asSlice(0, abi.handleLayout().byteSize());
        this.status = block.asSlice(16, abi.statusSize());
        this.nativeBuf = nativeBuf;
        this.copyBack = copyBack;
        this.keep = keep;
        this.type = type;
    }

    /** Starts an operation: given the native send and receive memory and the request slot, returns MPI's code. */
    interface Starter {
        int start(MemorySegment send, MemorySegment recv, MemorySegment slot);
    }

    /** Starts {@code MPI_Isend} or {@code MPI_Irecv} on {@code comm}. */
    static Request start(boolean send, Buf b, int peer, int tag, long comm) {
        Abi abi = MPI.abi();
        long t = b.type.handle(abi);
        int p = abi.rank(peer);
        return send ? start("MPI_Isend", b, null, false, (in, out, slot) -> LibMpi.isend(in, b.count, t, p, tag, comm, slot))
                : start("MPI_Irecv", null, b, false, (in, out, slot) -> LibMpi.irecv(out, b.count, t, p, tag, comm, slot));
    }

    /**
     * Starts a nonblocking operation that reads {@code send} and writes {@code recv} (either may be null; with
     * {@code inPlace}, MPI writes {@code send} itself). Heap buffers are copied into the request's native block
     * (send: now; recv: back into the array on completion); native ones are used in place and kept reachable.
     */
    static Request start(String fn, Buf send, Buf recv, boolean inPlace, Starter starter) {
        long sendBytes = send != null && send.isHeap() ? align(send.segment.byteSize()) : 0;
        long recvBytes = recv != null && recv.isHeap() && !inPlace ? recv.segment.byteSize() : 0;
        MemorySegment block = NativeMemory.malloc(HEADER + sendBytes + recvBytes);
        try {
            MemorySegment in = MemorySegment.NULL, out = MemorySegment.NULL, back = null;
            if (send != null) {
                in = send.isHeap() ? block.asSlice(HEADER, send.segment.byteSize()).copyFrom(send.segment) : send.segment;
            }
            if (inPlace) {
                out = in;
                back = send.isHeap() ? send.segment : null;
            } else if (recv != null) {
                out = recv.isHeap() ? block.asSlice(HEADER + sendBytes, recvBytes) : recv.segment;
                back = recv.isHeap() ? recv.segment : null;
            }
            Datatype type = recv != null ? recv.type : send != null ? send.type : Datatype.BYTE;
            Request r = new Request(block, out, back, in, type, !fn.equals("MPI_Isend") && !fn.equals("MPI_Irecv"));
            MPI.check(starter.start(in, out, r.slot), fn);
            PENDING.add(r);
            return r;
        } catch (RuntimeException | Error e) {
            NativeMemory.free(block);
            throw e;
        }
    }

    private static long align(long n) {
        return (n + 15) & ~15L;
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
        if (copyBack != null) {
            // a receive's status says how much arrived; a collective's has no count: its whole buffer is the result
            long bytes = collective ? copyBack.byteSize()
                    : Math.min(Math.max(MPI.abi().statusBytes(status), 0), copyBack.byteSize());
            if (bytes > 0) MemorySegment.copy(nativeBuf, 0, copyBack, 0, bytes);
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

    /**
     * Waits until one of {@code requests} completes ({@code MPI_Waitany}) and returns its index, or -1 when none
     * is pending any more. A failed request's index is returned too; its {@link #await()} throws the error.
     */
    public static int waitany(List<Request> requests) {
        Abi abi = MPI.abi();
        int n = requests.size();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment handles = a.allocate(abi.handleLayout(), Math.max(1, n));
            MemorySegment index = a.allocate(java.lang.foreign.ValueLayout.JAVA_INT);
            MemorySegment st = a.allocate(abi.statusSize(), 8);
            for (int i = 0; i < n; i++) {
                Request r = requests.get(i);
                synchronized (r) {
                    abi.writeHandle(handles, i, r.result == null && r.failure == null ? abi.readHandle(r.slot, 0)
                            : abi.requestNull());
                }
            }
            int rc = LibMpi.waitany(n, handles, index, st);
            int i = index.get(java.lang.foreign.ValueLayout.JAVA_INT, 0);
            if (i == MPI.UNDEFINED || i < 0) {
                if (rc != 0) throw MPI.error(rc, "MPI_Waitany");
                return -1;
            }
            Request r = requests.get(i);
            synchronized (r) {
                abi.writeHandle(r.slot, 0, abi.readHandle(handles, i));   // MPI_REQUEST_NULL now: MPI freed it
                if (rc != 0) {
                    r.fail(MPI.error(rc, "MPI_Waitany"));
                } else {
                    MemorySegment.copy(st, 0, r.status, 0, abi.statusSize());
                    r.complete();
                }
            }
            return i;
        }
    }

    /**
     * Whether every request has completed, completing those that have ({@code MPI_Test} on each; unlike
     * {@code MPI_Testall}, which completes none unless all are done, the finished ones are completed at once).
     */
    public static boolean testall(List<Request> requests) {
        boolean all = true;
        for (Request r : requests) all &= r.test();
        return all;
    }
}
