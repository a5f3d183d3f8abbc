package org.jhpc.mpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The defects of issue 13's "safe first" list, one check each, under {@code mpirun -np N} (N ≥ 1; the checks that
 * need a partner skip themselves at one rank). Each rank prints {@code rank R ok NAME} per check and
 * {@code rank R done K}; a failed check throws, which aborts the job. {@code gc} runs only the safepoint check
 * (needs {@code JHPC_MPI_THREAD=multiple} and two ranks): rank 0's main thread blocks in a receive of a heap array
 * while a second thread allocates until the collector has run many times; only then does that thread tell rank 1 to
 * send what the main thread waits for. A blocking call that holds the JVM off its safepoint deadlocks here.
 */
public final class SafetyMain {
    private static final Comm W = MPI.COMM_WORLD;
    private static int rank, size, passed;
    private static final List<String> failed = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        rank = W.rank();
        size = W.size();
        if (args.length == 1 && args[0].equals("gc")) {
            check("gc-while-blocked", SafetyMain::gcWhileBlocked);
        } else {
            check("byte-max-min-signed", SafetyMain::byteMaxMin);
            check("proc-null", SafetyMain::procNull);
            check("cart-rank-of-bounds", SafetyMain::cartBounds);
            check("bcast-object-copy-on-root", SafetyMain::bcastObjectCopy);
            check("read-only-receive-refused", SafetyMain::readOnly);
            check("sendrecv-replace", SafetyMain::sendrecvReplace);
            check("mistakes-are-exceptions", SafetyMain::mistakes);
            check("waitall-failure-then-await", SafetyMain::waitallThenAwait);
            check("over-long-message-into-heap", SafetyMain::overLong);
        }
        if (!failed.isEmpty()) throw new AssertionError("rank " + rank + " failed " + failed);
        System.out.println("rank " + rank + " done " + passed);
        System.out.flush();
        MPI.finish(0);
    }

    interface Check {
        void run() throws Exception;
    }

    /** Runs one check; a failure is reported and the next check still runs (the job fails at the end). */
    static void check(String name, Check c) throws Exception {
        try {
            c.run();
            passed++;
            System.out.println("rank " + rank + " ok " + name);
        } catch (Exception | AssertionError e) {
            failed.add(name);
            System.out.println("rank " + rank + " FAILED " + name + ": " + e);
        }
        System.out.flush();
        W.barrier();
    }

    static void expect(boolean ok, String what) {
        if (!ok) throw new AssertionError("rank " + rank + ": " + what);
    }

    /** {@code body} must throw {@code type}; returns it. */
    static <T extends Throwable> T expectThrows(Class<T> type, Runnable body, String what) {
        try {
            body.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) return type.cast(t);
            throw new AssertionError("rank " + rank + ": " + what + ": expected " + type.getSimpleName() + ", got " + t, t);
        }
        throw new AssertionError("rank " + rank + ": " + what + ": nothing thrown");
    }

    /**
     * byte[] reductions are signed 8-bit: rank r gives (r-1, 100-60r); rank 0's -1 is the largest value as an
     * unsigned byte (255), and rank 2's -20 (236) too, so an order-less MPI_BYTE reduction gets MAX and MIN wrong.
     */
    static void byteMaxMin() {
        byte[] mine = {(byte) (rank - 1), (byte) (100 - 60 * rank)};
        byte[] max = new byte[2], min = new byte[2];
        W.allreduce(mine, max, Op.MAX);
        W.allreduce(mine, min, Op.MIN);
        expect(max[0] == size - 2 && max[1] == 100, "MAX " + Arrays.toString(max));
        expect(min[0] == -1 && min[1] == 100 - 60 * (size - 1), "MIN " + Arrays.toString(min));
        byte[] sum = {(byte) (-1 - rank)};
        W.allreduce(sum, Op.SUM);
        expect(sum[0] == (byte) (-size * (size + 1) / 2), "SUM " + sum[0]);
        byte[] atRoot = new byte[2];
        W.reduce(mine, atRoot, Op.MIN, 0);
        if (rank == 0) expect(Arrays.equals(atRoot, min), "reduce MIN " + Arrays.toString(atRoot));
    }

    /** mpi4py: a receive from PROC_NULL returns None at once; buffers may be null when the peer is PROC_NULL. */
    static void procNull() {
        Object got = W.recvObject(MPI.PROC_NULL, 3);
        expect(got == null, "recvObject(PROC_NULL) = " + got);
        W.sendObject("ignored", MPI.PROC_NULL, 3);
        Status st = W.recv((double[]) null, MPI.PROC_NULL, 0);
        expect(st.source() == MPI.PROC_NULL && st.tag() == MPI.ANY_TAG && st.count() == 0, "status " + st);
        W.send((double[]) null, MPI.PROC_NULL, 0);
        Status st2 = W.sendrecv((int[]) null, MPI.PROC_NULL, 0, (int[]) null, MPI.PROC_NULL, 0);
        expect(st2.source() == MPI.PROC_NULL && st2.count() == 0, "sendrecv status " + st2);
    }

    static void cartBounds() {
        int[] dims = MPI.dimsCreate(size, 2);
        CartComm c = W.cartCreate(dims, new boolean[] {false, false}, false);
        expectThrows(IllegalArgumentException.class, () -> c.rankOf(0), "rankOf with 1 of 2 coordinates");
        expectThrows(IllegalArgumentException.class, () -> c.rankOf(0, 0, 0), "rankOf with 3 of 2 coordinates");
        expect(c.rankOf(c.coords()) == c.rank(), "rankOf(coords())");
        c.free();
    }

    static void bcastObjectCopy() {
        List<Integer> mine = new ArrayList<>(List.of(1, 2, 3));
        List<Integer> got = W.bcastObject(rank == 0 ? mine : null, 0);
        mine.add(4);
        expect(got.equals(List.of(1, 2, 3)), "bcastObject result aliases the root's object: " + got);
    }

    static void readOnly() {
        MemorySegment ro = MemorySegment.ofArray(new double[4]).asReadOnly();
        Buf b = Buf.of(ro, Datatype.DOUBLE);
        expectThrows(IllegalArgumentException.class, () -> W.recv(b, MPI.PROC_NULL, 0), "recv into read-only");
        expectThrows(IllegalArgumentException.class, () -> W.irecv(b, MPI.PROC_NULL, 0), "irecv into read-only");
        expectThrows(IllegalArgumentException.class, () -> W.allreduce(b, Op.SUM), "in-place allreduce on read-only");
        expectThrows(IllegalArgumentException.class, () -> W.allreduce(Buf.of(new double[4]), b, Op.SUM),
                "allreduce into read-only");
        W.send(b, MPI.PROC_NULL, 0);   // reading it is fine
        try (Arena a = Arena.ofConfined()) {
            Buf nat = Buf.of(a.allocate(32).asReadOnly(), Datatype.DOUBLE);
            expectThrows(IllegalArgumentException.class, () -> W.recv(nat, MPI.PROC_NULL, 0), "native read-only");
        }
    }

    /** The same array as send and receive buffer is refused; sendrecvReplace does that exchange. */
    static void sendrecvReplace() {
        int right = (rank + 1) % size, left = (rank + size - 1) % size;
        for (int n : new int[] {1, 7, 1023, 200_000}) {
            double[] a = new double[n];
            Arrays.fill(a, rank + 0.5);
            IllegalArgumentException e = expectThrows(IllegalArgumentException.class,
                    () -> W.sendrecv(a, right, 1, a, left, 1), "sendrecv with one array twice");
            expect(e.getMessage().contains("sendrecvReplace"), "message names sendrecvReplace: " + e.getMessage());
            Status st = W.sendrecvReplace(a, right, 2, left, 2);
            double[] want = new double[n];
            Arrays.fill(want, left + 0.5);
            expect(Arrays.equals(a, want) && st.source() == left && st.count() == n, "replace n=" + n + " " + st);
        }
        double[] b = new double[10];
        expectThrows(IllegalArgumentException.class,
                () -> W.sendrecv(Buf.of(b, 0, 6), right, 1, Buf.of(b, 5, 5), left, 1), "overlapping slices");
    }

    /**
     * A message longer than the receive buffer, below and far above the eager limit, into a slice of a heap array
     * followed by sentinels: an MpiException naming MPI_Recv, and nothing written past the slice.
     */
    static void overLong() {
        if (size < 2) return;
        for (int n : new int[] {10, 1 << 20}) {
            if (rank == 1) {
                W.send(new double[n], 0, 8);
                W.sendrecv(new double[n], 0, 9, new double[3], 0, 9);
            } else if (rank == 0) {
                double[] big = new double[2000];
                Arrays.fill(big, -7.0);
                MpiException e = expectThrows(MpiException.class, () -> W.recv(Buf.of(big, 0, 5), 1, 8),
                        "truncated recv of " + n);
                expect(e.getMessage().contains("MPI_Recv"), "message: " + e.getMessage());
                expectThrows(MpiException.class,
                        () -> W.sendrecv(Buf.of(new double[3]), 1, 9, Buf.of(big, 0, 5), 1, 9), "truncated sendrecv of " + n);
                for (int i = 0; i < big.length; i++) expect(big[i] == -7.0 || i < 5, "written past the slice at " + i);
            }
        }
    }

    /** A failed waitall leaves every request in a state the next await() reports, without crashing the JVM. */
    static void waitallThenAwait() {
        if (size < 2) return;
        if (rank == 1) {
            W.send(new int[8], 0, 5);    // longer than rank 0's receive buffer
            W.send(new int[2], 0, 6);
        } else if (rank == 0) {
            Request bad = W.irecv(new int[2], 1, 5);
            Request good = W.irecv(new int[2], 1, 6);
            expectThrows(MpiException.class, () -> Request.waitall(bad, good), "waitall with a truncated receive");
            expectThrows(MpiException.class, bad::await, "await of the failed request");
            Status st = good.await();
            expect(st.count() == 2 && st.tag() == 6, "the good request completed: " + st);
            expectThrows(MpiException.class, bad::await, "await again");
        }
    }

    static void mistakes() {
        expectThrows(MpiException.class, () -> W.send(new int[1], size, 0), "send to rank size");
        expectThrows(MpiException.class, () -> W.send(new int[1], -5, 0), "send to rank -5");
        double[] a = new double[4];
        expectThrows(IllegalArgumentException.class, () -> Buf.of(a, 0, -1), "negative count");
        expectThrows(IllegalArgumentException.class, () -> Buf.of(a, 2, 3), "buffer shorter than offset + count");
        expectThrows(IllegalArgumentException.class, () -> Buf.of(a, -1, 2), "negative offset");
        expectThrows(IllegalArgumentException.class, () -> W.allreduce(Buf.of(new double[2]), Buf.of(new int[2]), Op.SUM),
                "datatype does not match the buffer");
        CartComm c = W.cartCreate(new int[] {size}, new boolean[] {true}, false);
        c.free();
        expectThrows(IllegalStateException.class, c::barrier, "barrier on a freed communicator");
        expectThrows(IllegalStateException.class, () -> c.send(new int[1], 0, 0), "send on a freed communicator");
        expectThrows(IllegalStateException.class, c::free, "free twice");
    }

    static void gcWhileBlocked() throws Exception {
        expect(size >= 2 && MPI.threadLevel() == MPI.THREAD_MULTIPLE, "needs 2 ranks and JHPC_MPI_THREAD=multiple");
        if (rank == 0) {
            long gcBefore = gcCount();
            long[] gcs = new long[1];
            Thread allocator = Thread.ofPlatform().name("allocator").start(() -> {
                long sink = 0;
                while (gcCount() - gcBefore < 20) {
                    for (int i = 0; i < 1000; i++) sink += new long[8192].length;
                }
                gcs[0] = gcCount() - gcBefore;
                W.send(new long[] {sink}, 1, 1);   // now rank 1 may answer the main thread
            });
            double[] got = new double[3];
            W.recv(got, 1, 2);                      // blocks while the allocator needs the collector
            allocator.join();
            expect(got[2] == 3.0 && gcs[0] >= 20, "got " + Arrays.toString(got) + " after " + gcs[0] + " GCs");
            System.out.println("rank 0 collections while blocked: " + gcs[0]);
        } else if (rank == 1) {
            W.recv(new long[1], 0, 1);
            W.send(new double[] {1, 2, 3}, 0, 2);
        }
    }

    static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, b.getCollectionCount());
        return n;
    }
}
