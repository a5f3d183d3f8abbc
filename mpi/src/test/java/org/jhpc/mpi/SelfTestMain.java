package org.jhpc.mpi;

import java.io.Serializable;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs under {@code mpirun -np N} (or alone, as a singleton) and checks the bindings against answers known in
 * closed form; each rank prints {@code rank R ok NAME} per check and {@code rank R done K} at the end. A failed
 * check throws, which (through MPI's uncaught-exception handler) aborts the job with a non-zero exit. With the
 * argument {@code fail R}, rank R throws while the others wait for it: the job must still end promptly.
 */
public final class SelfTestMain {
    private static final Comm W = MPI.COMM_WORLD;
    private static int rank;
    private static int size;
    private static int passed;

    record Point(int rank, String label, double[] values) implements Serializable {}

    public static void main(String[] args) {
        rank = W.rank();
        size = W.size();
        if (args.length == 2 && args[0].equals("fail")) {
            failing(Integer.parseInt(args[1]));
            return;
        }
        check("rank-size", () -> {
            expect(rank >= 0 && rank < size, "rank " + rank + " outside [0," + size + ")");
            expect(W.allreduce((long) rank, Op.SUM) == (long) size * (size - 1) / 2, "sum of ranks");
        });
        check("sendrecv-ring", SelfTestMain::ring);
        check("send-recv-pairs", SelfTestMain::pairs);
        check("isend-irecv-waitall", SelfTestMain::nonblocking);
        check("native-segments", SelfTestMain::segments);
        check("bcast", SelfTestMain::bcast);
        check("reduce", SelfTestMain::reduce);
        check("allreduce-in-place", SelfTestMain::allreduce);
        check("gather-scatter", SelfTestMain::gatherScatter);
        check("gatherv-scatterv", SelfTestMain::gathervScatterv);
        check("objects-p2p", SelfTestMain::objectsP2p);
        check("objects-collective", SelfTestMain::objectsCollective);
        check("cart", SelfTestMain::cart);
        check("errors", SelfTestMain::errors);
        check("wtime", () -> {
            double t0 = MPI.wtime();
            W.barrier();
            expect(MPI.wtime() >= t0 && MPI.wtick() > 0, "wtime not monotone");
        });
        System.out.println("rank " + rank + " done " + passed);
        System.out.flush();
        MPI.finish(0);
    }

    interface Check {
        void run();
    }

    static void check(String name, Check c) {
        c.run();
        passed++;
        System.out.println("rank " + rank + " ok " + name);
    }

    static void expect(boolean ok, String what) {
        if (!ok) throw new AssertionError("rank " + rank + ": " + what);
    }

    static double[] pattern(int r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = r * 1000.0 + i + 0.25;
        return a;
    }

    static void ring() {
        int right = (rank + 1) % size;
        int left = (rank + size - 1) % size;
        for (int n : new int[] {1, 7, 1023}) {
            double[] got = new double[n];
            Status st = W.sendrecv(pattern(rank, n), right, 5, got, left, 5);
            expect(Arrays.equals(got, pattern(left, n)), "ring payload n=" + n);
            expect(st.source() == left && st.tag() == 5 && st.count() == n, "ring status " + st);
        }
        // PROC_NULL peers: nothing sent, nothing received, buffer untouched
        double[] keep = {42};
        Status st = W.sendrecv(new double[] {1}, MPI.PROC_NULL, keep, MPI.PROC_NULL);
        expect(keep[0] == 42 && st.source() == MPI.PROC_NULL, "PROC_NULL sendrecv");
    }

    static void pairs() {
        if (size < 2) return;
        int partner = rank % 2 == 0 ? rank + 1 : rank - 1;
        if (partner >= size) return;
        long[] a = {rank, -rank, Long.MAX_VALUE - rank};
        long[] b = new long[5];
        if (rank % 2 == 0) {
            W.send(a, partner, 3);
            Status st = W.recv(b, MPI.ANY_SOURCE, 4);
            expect(st.source() == partner && st.tag() == 4 && st.count() == 3, "status " + st);
        } else {
            Status st = W.recv(b, partner, 3);
            expect(st.count() == 3, "count " + st);
            W.send(a, partner, 4);
        }
        expect(b[0] == partner && b[1] == -partner && b[2] == Long.MAX_VALUE - partner, "pair payload");
    }

    static void nonblocking() {
        List<Request> reqs = new ArrayList<>();
        int[][] in = new int[size][];
        for (int r = 0; r < size; r++) {
            in[r] = new int[r + 2];
            reqs.add(W.irecv(in[r], r, 11));
        }
        for (int r = 0; r < size; r++) {
            int[] out = new int[rank + 2];
            Arrays.fill(out, rank * 10 + r);
            reqs.add(W.isend(out, r, 11));
            Arrays.fill(out, -1);   // the send copied the array: reuse must not matter
        }
        Status[] st = Request.waitall(reqs);
        for (int r = 0; r < size; r++) {
            int[] want = new int[r + 2];
            Arrays.fill(want, r * 10 + rank);
            expect(Arrays.equals(in[r], want), "irecv payload from " + r + ": " + Arrays.toString(in[r]));
            expect(st[r].source() == r && st[r].count() == r + 2, "irecv status " + st[r]);
        }
        // single request, await and test
        byte[] b = new byte[3];
        Request rr = W.irecv(b, rank, 12);
        W.isend(new byte[] {1, 2, 3}, rank, 12).await();
        Status s = rr.await();
        expect(rr.test() && rr.done() && s.count() == 3 && b[2] == 3, "await");
    }

    static void segments() {
        try (Arena a = Arena.ofConfined()) {
            int n = 100;
            MemorySegment out = a.allocate(ValueLayout.JAVA_DOUBLE, n);
            MemorySegment in = a.allocate(ValueLayout.JAVA_DOUBLE, n);
            for (int i = 0; i < n; i++) out.setAtIndex(ValueLayout.JAVA_DOUBLE, i, rank + i / 8.0);
            int right = (rank + 1) % size;
            int left = (rank + size - 1) % size;
            W.sendrecv(Buf.of(out, Datatype.DOUBLE), right, 0, Buf.of(in, Datatype.DOUBLE), left, 0);
            for (int i = 0; i < n; i++) expect(in.getAtIndex(ValueLayout.JAVA_DOUBLE, i) == left + i / 8.0, "segment");
            // raw bytes and a nonblocking receive into native memory
            MemorySegment raw = a.allocate(16);
            Request r = W.irecv(raw, left, 1);
            W.send(MemorySegment.ofArray(new byte[] {(byte) rank, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5}), right, 1);
            Status st = r.await();
            expect(st.count() == 16 && raw.get(ValueLayout.JAVA_BYTE, 0) == (byte) left, "raw segment");
            // a slice of an array: elements [3, 6)
            double[] big = pattern(rank, 10);
            double[] got = new double[3];
            W.sendrecv(Buf.of(big, 3, 3), right, 0, Buf.of(got), left, 0);
            expect(Arrays.equals(got, Arrays.copyOfRange(pattern(left, 10), 3, 6)), "array slice");
        }
    }

    static void bcast() {
        int root = size - 1;
        double[] a = rank == root ? pattern(root, 9) : new double[9];
        W.bcast(a, root);
        expect(Arrays.equals(a, pattern(root, 9)), "bcast double");
        long[] l = {rank == 0 ? 1L << 40 : 0};
        W.bcast(l, 0);
        expect(l[0] == 1L << 40, "bcast long");
    }

    static void reduce() {
        // rank r contributes (r+1, 2, -(r+1)); sums, products, minima and maxima are known in closed form
        long n = size;
        long[] v = {rank + 1, 2, -(rank + 1)};
        long[] out = new long[3];
        long factorial = 1;
        for (int i = 2; i <= n; i++) factorial *= i;
        W.reduce(v, out, Op.SUM, 0);
        if (rank == 0) expect(out[0] == n * (n + 1) / 2 && out[1] == 2 * n && out[2] == -n * (n + 1) / 2, "SUM");
        W.reduce(v, out, Op.PROD, 0);
        if (rank == 0) expect(out[0] == factorial && out[1] == 1L << n, "PROD");
        W.reduce(v, out, Op.MIN, 0);
        if (rank == 0) expect(out[0] == 1 && out[2] == -n, "MIN");
        W.reduce(v, out, Op.MAX, 0);
        if (rank == 0) expect(out[0] == n && out[2] == -1, "MAX");
        double[] d = {0.5 * rank};
        W.reduce(d, Op.SUM, size - 1);
        if (rank == size - 1) expect(d[0] == 0.25 * n * (n - 1), "in-place reduce at root " + d[0]);
        else expect(d[0] == 0.5 * rank, "in-place reduce leaves non-root buffers alone");
    }

    static void allreduce() {
        int[] a = {rank, 1, rank * rank};
        W.allreduce(a, Op.SUM);
        long n = size;
        expect(a[0] == n * (n - 1) / 2 && a[1] == n && a[2] == (n - 1) * n * (2 * n - 1) / 6, "allreduce SUM");
        double[] d = {rank, -rank};
        double[] e = new double[2];
        W.allreduce(d, e, Op.MAX);
        expect(e[0] == n - 1 && e[1] == 0, "allreduce MAX");
        expect(W.allreduce(1.5, Op.PROD) == Math.pow(1.5, n), "scalar PROD");
    }

    static void gatherScatter() {
        int[] mine = {rank, rank * 2};
        int[] all = rank == 1 % size ? new int[2 * size] : null;
        W.gather(mine, all, 1 % size);
        if (all != null) for (int r = 0; r < size; r++) expect(all[2 * r] == r && all[2 * r + 1] == 2 * r, "gather");
        int[] every = new int[2 * size];
        W.allgather(mine, every);
        for (int r = 0; r < size; r++) expect(every[2 * r + 1] == 2 * r, "allgather");
        double[] src = rank == 0 ? pattern(0, 3 * size) : null;
        double[] part = new double[3];
        W.scatter(src, part, 0);
        expect(Arrays.equals(part, Arrays.copyOfRange(pattern(0, 3 * size), 3 * rank, 3 * rank + 3)), "scatter");
    }

    static void gathervScatterv() {
        // rank r holds r+1 elements; 1 + 2 + ... + size in total, packed in rank order
        int total = size * (size + 1) / 2;
        int[] counts = new int[size];
        int[] displs = new int[size];
        for (int r = 0, at = 0; r < size; at += ++r) {
            counts[r] = r + 1;
            displs[r] = at;
        }
        double[] mine = new double[rank + 1];
        Arrays.fill(mine, rank + 0.5);
        double[] all = rank == 0 ? new double[total] : null;
        W.gatherv(mine, all, rank == 0 ? counts : null, rank == 0 ? displs : null, 0);
        if (rank == 0) {
            for (int r = 0; r < size; r++) {
                for (int k = 0; k < counts[r]; k++) expect(all[displs[r] + k] == r + 0.5, "gatherv");
            }
        }
        double[] src = rank == 0 ? pattern(0, total) : null;
        double[] got = new double[rank + 1];
        W.scatterv(src, counts, displs, got, 0);
        expect(Arrays.equals(got, Arrays.copyOfRange(pattern(0, total), displs[rank], displs[rank] + rank + 1)),
                "scatterv");
    }

    static void objectsP2p() {
        int right = (rank + 1) % size;
        int left = (rank + size - 1) % size;
        Point p = new Point(rank, "from " + rank, pattern(rank, 4));
        Point q = W.sendrecvObject(p, right, 7, left, 7);
        expect(q.rank() == left && q.label().equals("from " + left) && Arrays.equals(q.values(), pattern(left, 4)),
                "sendrecvObject");
        if (size >= 2) {
            if (rank == 0) {
                Map<String, Integer> m = new TreeMap<>(Map.of("a", 1, "b", 2));
                W.sendObject(m, 1, 2);
                String back = W.recvObject(1);
                expect(back.equals("got 2 keys"), "reply " + back);
            } else if (rank == 1) {
                Map<String, Integer> m = W.recvObject(0, 2);
                W.sendObject("got " + m.size() + " keys", 0);
            }
        }
    }

    static void objectsCollective() {
        String s = W.bcastObject(rank == 0 ? "hello from 0" : null, 0);
        expect(s.equals("hello from 0"), "bcastObject");
        List<Integer> g = W.gatherObject(rank * rank, 0);
        if (rank == 0) for (int r = 0; r < size; r++) expect(g.get(r) == r * r, "gatherObject");
        else expect(g == null, "gatherObject off root");
        List<String> items = new ArrayList<>();
        for (int r = 0; r < size; r++) items.add("item " + r + "x".repeat(r * 100));
        String mine = W.scatterObject(rank == 0 ? items : null, 0);
        expect(mine.equals("item " + rank + "x".repeat(rank * 100)), "scatterObject");
        String joined = W.allreduceObject(Integer.toString(rank), (a, b) -> a + "," + b);
        StringBuilder want = new StringBuilder("0");
        for (int r = 1; r < size; r++) want.append(',').append(r);
        expect(joined.contentEquals(want), "allreduceObject in rank order: " + joined);
        Integer sum = W.reduceObject(rank + 1, Integer::sum, 0);
        if (rank == 0) expect(sum == size * (size + 1) / 2, "reduceObject");
        List<Integer> ag = W.allgatherObject(-rank);
        for (int r = 0; r < size; r++) expect(ag.get(r) == -r, "allgatherObject");
    }

    static void cart() {
        int[] dims = MPI.dimsCreate(size, 2);
        expect(dims[0] * dims[1] == size && dims[0] >= dims[1], "dims " + Arrays.toString(dims));
        CartComm c = W.cartCreate(dims, new boolean[] {true, false}, false);
        int[] me = c.coords();
        expect(c.rankOf(me) == c.rank() && me[0] == c.rank() / dims[1] && me[1] == c.rank() % dims[1],
                "coords " + Arrays.toString(me));
        Shift down = c.shift(0, 1);  // periodic
        expect(down.dest() == c.rankOf((me[0] + 1) % dims[0], me[1]), "periodic shift dest");
        expect(down.source() == c.rankOf((me[0] - 1 + dims[0]) % dims[0], me[1]), "periodic shift source");
        Shift right = c.shift(1, 1); // not periodic
        expect(right.dest() == (me[1] + 1 < dims[1] ? c.rankOf(me[0], me[1] + 1) : MPI.PROC_NULL), "edge dest");
        expect(right.source() == (me[1] > 0 ? c.rankOf(me[0], me[1] - 1) : MPI.PROC_NULL), "edge source");
        long sum = c.allreduce((long) c.rank(), Op.SUM);
        expect(sum == (long) size * (size - 1) / 2, "collective on cart");
        c.free();
    }

    static void errors() {
        try {
            W.send(new int[1], size, 0);    // no such rank
            throw new AssertionError("send to rank " + size + " did not fail");
        } catch (MpiException e) {
            expect(e.errorCode() != 0 && e.getMessage().contains("MPI_Send"), "error text: " + e.getMessage());
        }
        Request r = W.isend(new double[4], rank, 99);
        try {
            W.recv(new double[2], rank, 99); // message longer than the buffer
            throw new AssertionError("truncated receive did not fail");
        } catch (MpiException e) {
            expect(e.getMessage().contains("MPI_Recv"), "truncate text: " + e.getMessage());
        }
        r.await();
        // (a String as a buffer no longer compiles: buffers are typed overloads)
        W.barrier();
    }

    /** Rank {@code bad} throws; everyone else waits on a message from it that never comes. */
    static void failing(int bad) {
        W.barrier();
        System.out.println("rank " + rank + " waiting");
        System.out.flush();
        if (rank == bad) throw new IllegalStateException("injected failure on rank " + rank);
        W.recv(new double[1], bad, 0);
        System.out.println("rank " + rank + " was not stopped");
    }
}
