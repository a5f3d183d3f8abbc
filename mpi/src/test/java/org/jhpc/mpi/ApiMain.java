package org.jhpc.mpi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * mpi4py API added for issue 13 (split, dup, alltoall(v), scan/exscan, reduce-scatter, iprobe, ssend, waitany,
 * testall, nonblocking collectives, MINLOC/MAXLOC, bitwise ops, float/short/char buffers), checked against closed
 * forms at message sizes 0, 1, 7, 1023 and 2^20 elements; run under the launcher at 1 to 4 ranks. Each rank prints
 * {@code rank R ok NAME} per check and {@code rank R done K}; a failed check throws and aborts the job.
 */
public final class ApiMain {
    private static final Comm W = MPI.COMM_WORLD;
    private static final int[] SIZES = {0, 1, 7, 1023};
    private static int rank, size, passed;

    public static void main(String[] args) {
        rank = W.rank();
        size = W.size();
        check("dup-split", ApiMain::dupSplit);
        check("alltoall", ApiMain::alltoall);
        check("alltoallv", ApiMain::alltoallv);
        check("scan-exscan", ApiMain::scan);
        check("reduce-scatter-block", ApiMain::reduceScatter);
        check("iprobe-ssend", ApiMain::iprobeSsend);
        check("waitany-testall", ApiMain::waitany);
        check("nonblocking-collectives", ApiMain::nonblockingCollectives);
        check("minloc-maxloc", ApiMain::loc);
        check("bitwise-logical", ApiMain::bitwise);
        check("float-short-char", ApiMain::moreTypes);
        check("large-2^20", ApiMain::large);
        check("mpi-io", ApiMain::mpiIo);
        check("derived-halo", ApiMain::derivedHalo);
        check("complex", ApiMain::complex);
        check("error-classes", ApiMain::errorClasses);
        check("user-ops", ApiMain::userOps);
        System.out.println("rank " + rank + " done " + passed);
        System.out.flush();
        MPI.finish(0);
    }

    static void check(String name, Runnable c) {
        c.run();
        W.barrier();
        passed++;
        System.out.println("rank " + rank + " ok " + name);
    }

    static void expect(boolean ok, String what) {
        if (!ok) throw new AssertionError("rank " + rank + ": " + what);
    }

    static void dupSplit() {
        Comm d = W.dup();
        expect(d.size() == size && d.rank() == rank, "dup rank/size");
        expect(d.allreduce((long) rank, Op.SUM) == (long) size * (size - 1) / 2, "dup allreduce");
        d.free();
        // by parity, ordered by descending world rank (key = -rank)
        Comm s = W.split(rank % 2, -rank);
        int same = (size - rank % 2 + 1) / 2;   // how many world ranks share my parity
        int above = 0;
        for (int r = rank + 2; r < size; r += 2) above++;
        expect(s.size() == same && s.rank() == above, "split size " + s.size() + " rank " + s.rank());
        long sum = 0;
        for (int r = rank % 2; r < size; r += 2) sum += r;
        expect(s.allreduce((long) rank, Op.SUM) == sum, "split allreduce");
        s.free();
        Comm none = W.split(rank == 0 ? MPI.UNDEFINED : 1, 0);
        expect(rank == 0 ? none == null : none.size() == size - 1, "split UNDEFINED");
        if (none != null) none.free();
    }

    static long tag3(long i, long j, long k) {
        return i * 1_000_000_000L + j * 1_000_000L + k;
    }

    static void alltoall() {
        for (int n : SIZES) {
            long[] out = new long[size * n], in = new long[size * n];
            for (int j = 0; j < size; j++) for (int k = 0; k < n; k++) out[j * n + k] = tag3(rank, j, k);
            W.alltoall(out, in);
            for (int i = 0; i < size; i++) {
                for (int k = 0; k < n; k++) expect(in[i * n + k] == tag3(i, rank, k), "alltoall n=" + n);
            }
        }
    }

    static int count(int from, int to) {
        return (from + 2 * to) % 4 * 3;   // 0, 3, 6 or 9 elements, zero included
    }

    static void alltoallv() {
        int[] sc = new int[size], sd = new int[size], rc = new int[size], rd = new int[size];
        int st = 0, rt = 0;
        for (int j = 0; j < size; j++) {
            sc[j] = count(rank, j);
            sd[j] = st;
            st += sc[j];
            rc[j] = count(j, rank);
            rd[j] = rt;
            rt += rc[j];
        }
        double[] out = new double[st], in = new double[rt];
        for (int j = 0; j < size; j++) for (int k = 0; k < sc[j]; k++) out[sd[j] + k] = tag3(rank, j, k);
        W.alltoallv(out, sc, sd, in, rc, rd);
        for (int i = 0; i < size; i++) {
            for (int k = 0; k < rc[i]; k++) expect(in[rd[i] + k] == tag3(i, rank, k), "alltoallv from " + i);
        }
    }

    static void scan() {
        for (int n : SIZES) {
            long[] mine = new long[n], inc = new long[n], exc = new long[n];
            for (int k = 0; k < n; k++) mine[k] = (rank + 1L) * (k + 1);
            Arrays.fill(exc, -42);
            W.scan(mine, inc, Op.SUM);
            W.exscan(mine, exc, Op.SUM);
            for (int k = 0; k < n; k++) {
                expect(inc[k] == (k + 1L) * (rank + 1) * (rank + 2) / 2, "scan n=" + n);
                expect(exc[k] == (rank == 0 ? -42 : (k + 1L) * rank * (rank + 1) / 2), "exscan n=" + n);
            }
        }
    }

    static void reduceScatter() {
        for (int n : SIZES) {
            int[] all = new int[size * n], mine = new int[n];
            for (int j = 0; j < size; j++) for (int k = 0; k < n; k++) all[j * n + k] = rank + j + k;
            W.reduceScatterBlock(all, mine, Op.SUM);
            for (int k = 0; k < n; k++) {
                expect(mine[k] == size * (size - 1) / 2 + size * (rank + k), "reduceScatterBlock n=" + n);
            }
        }
    }

    static void iprobeSsend() {
        expect(W.iprobe(MPI.ANY_SOURCE, 31999) == null, "iprobe of a tag nobody sends");
        Request r = W.isend(new double[] {1, 2, 3}, rank, 31);
        Status st;
        while ((st = W.iprobe(rank, 31)) == null) Thread.onSpinWait();   // MPI guarantees progress here
        expect(st.count() == 24 && st.source() == rank && st.tag() == 31, "iprobe status " + st);
        double[] got = new double[3];
        W.recv(got, rank, 31);
        r.await();
        expect(got[2] == 3, "iprobe then recv");
        int right = (rank + 1) % size, left = (rank + size - 1) % size;
        int[] in = new int[1];
        Request rr = W.irecv(in, left, 32);
        W.ssend(new int[] {rank}, right, 32);
        rr.await();
        expect(in[0] == left, "ssend ring");
    }

    static void waitany() {
        List<Request> recvs = new ArrayList<>();
        long[][] in = new long[size][];
        for (int r = 0; r < size; r++) recvs.add(W.irecv(in[r] = new long[r + 1], r, 33));
        List<Request> sends = new ArrayList<>();
        for (int r = 0; r < size; r++) {
            long[] out = new long[rank + 1];
            Arrays.fill(out, tag3(rank, r, 0));
            sends.add(W.isend(out, r, 33));
        }
        Set<Integer> seen = new HashSet<>();
        for (int i; (i = Request.waitany(recvs)) >= 0; ) expect(seen.add(i), "waitany returned " + i + " twice");
        expect(seen.size() == size, "waitany completed " + seen.size() + " of " + size);
        for (int r = 0; r < size; r++) {
            long[] want = new long[r + 1];
            Arrays.fill(want, tag3(r, rank, 0));
            expect(Arrays.equals(in[r], want), "waitany payload from " + r);
        }
        Request.waitall(sends);
        expect(Request.testall(recvs) && Request.testall(sends), "testall after completion");
    }

    static void nonblockingCollectives() {
        int root = size - 1;
        for (int n : new int[] {0, 1, 7, 1023, 1 << 20}) {
            double[] b = new double[n];
            if (rank == root) for (int k = 0; k < n; k++) b[k] = k + 0.5;
            Request r = W.ibcast(b, root);
            Status unused = r.await();
            for (int k = 0; k < n; k++) expect(b[k] == k + 0.5, "ibcast n=" + n + " at " + k);
            int[] mine = new int[Math.min(n, 1023)], sum = new int[mine.length];
            for (int k = 0; k < mine.length; k++) mine[k] = rank * k;
            W.iallreduce(mine, sum, Op.SUM).await();
            for (int k = 0; k < mine.length; k++) expect(sum[k] == k * size * (size - 1) / 2, "iallreduce n=" + n);
        }
        W.ibarrier().await();
    }

    static void loc() {
        double[] v = {rank % 2, -rank};
        int[] ix = {rank, rank};
        W.allreduceLoc(v, ix, Op.MAXLOC);
        expect(v[0] == (size > 1 ? 1 : 0) && ix[0] == (size > 1 ? 1 : 0), "MAXLOC ties: lowest index");
        expect(v[1] == 0 && ix[1] == 0, "MAXLOC");
        int[] iv = {rank % 2, -rank};
        int[] ii = {rank, rank};
        W.allreduceLoc(iv, ii, Op.MINLOC);
        expect(iv[0] == 0 && ii[0] == 0, "MINLOC ties: lowest index");
        expect(iv[1] == -(size - 1) && ii[1] == size - 1, "MINLOC");
    }

    static void bitwise() {
        int[] a = {1 << rank, ~(1 << rank), rank == 0 ? 5 : 0, 3};
        int[] or = new int[4], and = new int[4], xor = new int[4], lor = new int[4], land = new int[4];
        W.allreduce(a, or, Op.BOR);
        W.allreduce(a, and, Op.BAND);
        W.allreduce(a, xor, Op.BXOR);
        W.allreduce(a, lor, Op.LOR);
        W.allreduce(a, land, Op.LAND);
        int all = (1 << size) - 1;
        expect(or[0] == all && and[1] == ~all && xor[0] == all, "BOR/BAND/BXOR " + Arrays.toString(or));
        // (with one rank there is nothing to combine: MPI returns the input itself)
        expect(lor[2] == (size == 1 ? 5 : 1) && land[2] == (size == 1 ? 5 : 0) && land[3] == (size == 1 ? 3 : 1),
                "LOR/LAND " + Arrays.toString(lor) + " " + Arrays.toString(land));
    }

    static void moreTypes() {
        for (int n : SIZES) {
            float[] f = new float[n], fs = new float[n];
            short[] s = new short[n], smin = new short[n];
            char[] c = new char[n], cmax = new char[n], cmin = new char[n];
            for (int k = 0; k < n; k++) {
                f[k] = rank + k * 0.5f;
                s[k] = (short) (-rank - k);
                c[k] = (char) (0xFFFF - rank - (k % 3));
            }
            W.allreduce(f, fs, Op.SUM);
            W.allreduce(s, smin, Op.MIN);
            W.allreduce(c, cmax, Op.MAX);
            W.allreduce(c, cmin, Op.MIN);
            for (int k = 0; k < n; k++) {
                expect(fs[k] == size * (size - 1) / 2f + size * k * 0.5f, "float SUM n=" + n);
                expect(smin[k] == (short) (-(size - 1) - k), "short MIN n=" + n);
                expect(cmax[k] == 0xFFFF - (k % 3) && cmin[k] == 0xFFFF - (size - 1) - (k % 3), "char (unsigned) n=" + n);
            }
            float[] g = new float[n];
            W.sendrecv(f, (rank + 1) % size, 5, g, (rank + size - 1) % size, 5);
            for (int k = 0; k < n; k++) expect(g[k] == (rank + size - 1) % size + k * 0.5f, "float sendrecv n=" + n);
        }
    }

    /**
     * Column halos through a vector datatype, no packing: on an rows × (cols + 2) grid (value 1000·rank + 10·i + j in
     * the interior, -1 in the two halo columns) for rows in 0, 1, 7, 1023, each rank sends its first interior column
     * left and receives its right halo column from the right (a ring), then the other way; the halo columns hold the
     * neighbours' values and nothing else of the array changed. The same with a subarray type (a 2 × 2 tile) into a
     * native segment, a message longer than the type (an MpiException, the array untouched outside the type),
     * and overlapping shaped buffers refused.
     */
    static void derivedHalo() {
        int right = (rank + 1) % size, left = (rank + size - 1) % size;
        for (int rows : SIZES) {
            int cols = 3, stride = cols + 2;
            double[] g = new double[rows * stride];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < stride; j++) g[i * stride + j] = j == 0 || j == cols + 1 ? -1 : 1000 * rank + 10 * i + j;
            }
            double[] before = g.clone();
            try (DerivedType col = DerivedType.vector(rows, 1, stride, Datatype.DOUBLE)) {
                expect(col.extent() == (rows == 0 ? 0 : (rows - 1L) * stride + 1), "vector extent rows=" + rows);
                Status st = W.sendrecv(Buf.of(g, 1, col), left, 31, Buf.of(g, cols + 1, col), right, 31);
                expect(st.count() == rows, "received " + st.count() + " of " + rows);
                W.sendrecv(Buf.of(g, cols, col), right, 32, Buf.of(g, 0, col), left, 32);
            }
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < stride; j++) {
                    double want = j == 0 ? 1000 * left + 10 * i + cols : j == cols + 1 ? 1000 * right + 10 * i + 1
                            : before[i * stride + j];
                    expect(g[i * stride + j] == want, "halo rows=" + rows + " at " + i + "," + j + ": " + g[i * stride + j]);
                }
            }
        }
        // a 2 × 2 tile at (1, 2) of a 4 × 5 int grid, sent from an array, received into native memory
        try (DerivedType tile = DerivedType.subarray(new int[] {4, 5}, new int[] {2, 2}, new int[] {1, 2}, Datatype.INT);
             java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            int[] a = new int[20];
            for (int k = 0; k < 20; k++) a[k] = 100 * rank + k;
            java.lang.foreign.MemorySegment seg = arena.allocate(4L * 20);
            seg.fill((byte) 0);
            W.sendrecv(Buf.of(a, 0, tile), right, 33, Buf.of(seg, 0, tile), left, 33);
            for (int k = 0; k < 20; k++) {
                int i = k / 5, j = k % 5;
                int want = i >= 1 && i < 3 && j >= 2 && j < 4 ? 100 * left + k : 0;
                expect(seg.getAtIndex(java.lang.foreign.ValueLayout.JAVA_INT, k) == want, "subarray into native at " + k);
            }
            // the tile into an array: the rest untouched; a message of 5 ints for the 4-int tile is refused
            int[] b = new int[20];
            Arrays.fill(b, -7);
            W.sendrecv(Buf.of(a, 0, tile), right, 34, Buf.of(b, 0, tile), left, 34);
            for (int k = 0; k < 20; k++) {
                int i = k / 5, j = k % 5;
                expect(b[k] == (i >= 1 && i < 3 && j >= 2 && j < 4 ? 100 * left + k : -7), "subarray into array at " + k);
            }
            Arrays.fill(b, -7);
            boolean truncated = false;
            try {
                W.sendrecv(Buf.of(new int[] {1, 2, 3, 4, 5}), right, 35, Buf.of(b, 0, tile), left, 35);
            } catch (MpiException e) {
                truncated = true;
            }
            expect(truncated, "5 ints into a 4-int tile: MPI_ERR_TRUNCATE");
            for (int k = 0; k < 20; k++) expect(b[k] == -7, "truncated receive wrote the array at " + k);
        }
        // shaped buffers: the same column twice overlaps, neighbouring columns do not; collectives refuse them
        try (DerivedType col = DerivedType.vector(4, 1, 5, Datatype.DOUBLE)) {
            double[] g = new double[20];
            boolean refused = false;
            try {
                W.sendrecv(Buf.of(g, 1, col), MPI.PROC_NULL, 0, Buf.of(g, 1, col), MPI.PROC_NULL, 0);
            } catch (IllegalArgumentException e) {
                refused = true;
            }
            expect(refused, "overlapping shaped buffers refused");
            W.sendrecv(Buf.of(g, 1, col), MPI.PROC_NULL, 0, Buf.of(g, 2, col), MPI.PROC_NULL, 0);
            refused = false;
            try {
                W.bcast(Buf.of(g, 0, col), 0);
            } catch (IllegalArgumentException e) {
                refused = true;
            }
            expect(refused, "bcast of a shaped buffer refused");
            refused = false;
            try {
                Buf.of(g, 5, col);   // extent 16 from 5 passes 20
            } catch (IllegalArgumentException e) {
                refused = true;
            }
            expect(refused, "a type past the array's end refused");
        }
    }

    /**
     * complex128 and complex64 buffers (interleaved): rank r holds z_k = (r + 1) + i·k. SUM over the ranks is
     * S + i·size·k with S = size(size+1)/2; PROD is prod_r ((r+1) + i·k), computed here in rank order with the same
     * rounding for small values (exact in binary for the sizes used: integers below 2^24); a ring sendrecv moves
     * them unchanged; at 0, 1, 7, 1023 and 2^20 elements. MAX on complex numbers is MPI_ERR_OP.
     */
    static void complex() {
        int right = (rank + 1) % size, left = (rank + size - 1) % size;
        double s = size * (size + 1) / 2.0;
        for (int n : new int[] {0, 1, 7, 1023, 1 << 20}) {
            double[] z = new double[2 * n], sum = new double[2 * n], got = new double[2 * n];
            for (int k = 0; k < n; k++) {
                z[2 * k] = rank + 1;
                z[2 * k + 1] = k;
            }
            W.allreduce(Buf.ofComplex(z), Buf.ofComplex(sum), Op.SUM);
            for (int k = 0; k < n; k++) expect(sum[2 * k] == s && sum[2 * k + 1] == (double) size * k, "complex128 SUM n=" + n);
            Status st = W.sendrecv(Buf.ofComplex(z), right, 41, Buf.ofComplex(got), left, 41);
            expect(st.count() == n, "complex128 count " + st.count() + " n=" + n);
            for (int k = 0; k < n; k++) expect(got[2 * k] == left + 1 && got[2 * k + 1] == k, "complex128 sendrecv n=" + n);
            float[] f = new float[2 * n], fsum = new float[2 * n];
            for (int k = 0; k < n; k++) {
                f[2 * k] = rank + 1;
                f[2 * k + 1] = k % 1000;
            }
            W.allreduce(Buf.ofComplex(f), Buf.ofComplex(fsum), Op.SUM);
            for (int k = 0; k < n; k++) {
                expect(fsum[2 * k] == (float) s && fsum[2 * k + 1] == (float) (size * (k % 1000)), "complex64 SUM n=" + n);
            }
            if (n > 1023) continue;
            // PROD of (r + 1) + i·k over r = 0..size-1, with k below 8 so that every partial product is exact
            double[] prod = new double[2 * n];
            for (int k = 0; k < n; k++) z[2 * k + 1] = k % 8;
            W.allreduce(Buf.ofComplex(z), Buf.ofComplex(prod), Op.PROD);
            float[] fz = new float[2 * n], fprod = new float[2 * n];
            for (int k = 0; k < n; k++) {
                fz[2 * k] = rank + 1;
                fz[2 * k + 1] = k % 8;
            }
            W.allreduce(Buf.ofComplex(fz), Buf.ofComplex(fprod), Op.PROD);
            for (int k = 0; k < n; k++) {
                double re = 1, im = 0;
                for (int r = 0; r < size; r++) {
                    double a = r + 1, b = k % 8, t = re * a - im * b;
                    im = re * b + im * a;
                    re = t;
                }
                expect(prod[2 * k] == re && prod[2 * k + 1] == im, "complex128 PROD n=" + n + " k=" + k + ": "
                        + prod[2 * k] + "+" + prod[2 * k + 1] + "i, want " + re + "+" + im + "i");
                expect(fprod[2 * k] == (float) re && fprod[2 * k + 1] == (float) im, "complex64 PROD n=" + n + " k=" + k);
            }
            double[] b = new double[2 * n];
            if (rank == 0) System.arraycopy(z, 0, b, 0, 2 * n);
            W.bcast(Buf.ofComplex(b), 0);
            for (int k = 0; k < n; k++) expect(b[2 * k] == 1 && b[2 * k + 1] == k % 8, "complex128 bcast n=" + n);
        }
        boolean odd = false;
        try {
            Buf.ofComplex(new double[3]);
        } catch (IllegalArgumentException e) {
            odd = true;
        }
        expect(odd, "an odd-length interleaved array refused");
        MpiException e = null;
        try {
            W.allreduce(Buf.ofComplex(new double[2]), Buf.ofComplex(new double[2]), Op.MAX);
        } catch (MpiException x) {
            e = x;
        }
        expect(e != null && e.errorClass() == ErrorClass.ERR_OP, "complex MAX: " + (e == null ? "no error" : e.errorClass()));
    }

    /** MpiException.errorClass(): the same constant under either library for a truncated message and a bad rank. */
    static void errorClasses() {
        int right = (rank + 1) % size, left = (rank + size - 1) % size;
        MpiException e = null;
        try {
            W.sendrecv(new long[3], right, 42, new long[2], left, 42);
        } catch (MpiException x) {
            e = x;
        }
        expect(e != null && e.errorClass() == ErrorClass.ERR_TRUNCATE && e.errorClass().code() == e.errorCode(),
                "truncation: " + (e == null ? "no error" : e.errorClass() + " " + e.errorCode()));
        e = null;
        try (java.lang.foreign.Arena a = java.lang.foreign.Arena.ofConfined()) {
            W.send(a.allocate(8), size + 5, 0);
        } catch (MpiException x) {
            e = x;
        }
        expect(e != null && e.errorClass() == ErrorClass.ERR_RANK, "rank size+5: " + (e == null ? "no error" : e.errorClass()));
        expect(new MpiException("not MPI", 0).errorClass() == ErrorClass.SUCCESS, "a non-MPI error has class SUCCESS");
        expect(ErrorClass.ERR_TRUNCATE.code() == MPI.abi().errTruncate(), "ERR_TRUNCATE's code");
    }

    static void large() {
        int n = 1 << 20;
        double[] a = new double[n], sum = new double[n];
        for (int k = 0; k < n; k++) a[k] = rank + k;
        W.allreduce(a, sum, Op.SUM);
        for (int k = 0; k < n; k++) expect(sum[k] == size * (size - 1) / 2.0 + (double) size * k, "allreduce 2^20 at " + k);
        double[] got = new double[n];
        int right = (rank + 1) % size, left = (rank + size - 1) % size;
        W.sendrecv(a, right, 6, got, left, 6);
        for (int k = 0; k < n; k += 4099) expect(got[k] == left + k, "sendrecv 2^20 at " + k);
    }

    /**
     * MPI-IO: after a 16-byte header, a 7 × 5 grid of doubles (value 10·i + j) written collectively, rank r its rows
     * [7r/size, 7(r+1)/size) through a subarray view, then column r (ranks below 5) rewritten as -(10·i + r)
     * through a vector view; read back collectively and, on rank 0, byte by byte with java.nio.
     */
    static void mpiIo() {
        int rows = 7, cols = 5;
        java.nio.file.Path file = java.nio.file.Path.of(W.<String>bcastObject(rank == 0 ? tempFile().toString() : null, 0));
        int r0 = rows * rank / size, r1 = rows * (rank + 1) / size;
        double[] mine = new double[(r1 - r0) * cols];
        for (int i = r0; i < r1; i++) for (int j = 0; j < cols; j++) mine[(i - r0) * cols + j] = 10 * i + j;
        try (File f = File.open(W, file, File.MODE_CREATE | File.MODE_RDWR);
             DerivedType tile = DerivedType.subarray(new int[] {rows, cols}, new int[] {r1 - r0, cols},
                     new int[] {r0, 0}, Datatype.DOUBLE);
             DerivedType column = DerivedType.vector(rows, 1, cols, Datatype.DOUBLE)) {
            f.setSize(16 + 8L * rows * cols);
            f.setView(16, tile);
            f.writeAtAll(0, mine);
            double[] back = new double[mine.length];
            f.readAtAll(0, back);
            expect(Arrays.equals(back, mine), "readAtAll of my tile");
            f.setView(16 + 8L * Math.min(rank, cols - 1), column);
            double[] col = new double[rank < cols ? rows : 0];
            for (int i = 0; i < col.length; i++) col[i] = -(10 * i + rank);
            f.writeAtAll(0, col);
        }
        W.barrier();
        if (rank == 0) {
            try {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(java.nio.file.Files.readAllBytes(file))
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
                expect(b.capacity() == 16 + 8 * rows * cols, "file size " + b.capacity());
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        double want = j < size ? -(10 * i + j) : 10 * i + j;
                        expect(b.getDouble(16 + 8 * (i * cols + j)) == want, "file at " + i + "," + j);
                    }
                }
                java.nio.file.Files.delete(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    static java.nio.file.Path tempFile() {
        try {
            return java.nio.file.Files.createTempFile("jhpc-mpiio", ".bin");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * User-defined ops: non-commutative (but associative, as MPI requires) ones on longs, "first" f(a, b) = a and
     * "last" f(a, b) = b, reduce the ranks' values 1..size in rank order to 1 and to size (operands swapped would
     * give the reverse); a commutative one on doubles (largest |x|); one that
     * throws is an MpiException on a rank that ran it, not a crash; a buffer of the wrong type is refused.
     */
    static void userOps() {
        UserOp digits = UserOp.ofLongs((a, b) -> a, false);
        UserOp last = UserOp.ofLongs((a, b) -> b, false);
        for (int n : SIZES) {
            long[] mine = new long[n], first = new long[n], end = new long[n];
            Arrays.fill(mine, rank + 1);
            W.allreduce(mine, first, digits);
            W.allreduce(mine, end, last);
            for (int k = 0; k < n; k++) expect(first[k] == 1 && end[k] == size, "non-commutative user ops: " + first[k]
                    + ", " + end[k]);
        }
        last.free();
        UserOp absMax = UserOp.ofDoubles((a, b) -> Math.abs(a) >= Math.abs(b) ? a : b, true);
        double[] x = {rank % 2 == 0 ? -rank : rank + 0.5};
        W.allreduce(x, absMax);
        double top = size - 1 + (size - 1) % 2 * 0.5;
        expect(Math.abs(x[0]) == top, "commutative user op: " + x[0]);
        UserOp bad = UserOp.ofInts((a, b) -> { throw new ArithmeticException("on purpose"); }, true);
        int threw = 0;
        try {
            W.allreduce(new int[] {1}, new int[1], bad);
        } catch (MpiException e) {
            expect(e.getMessage().contains("on purpose"), "message: " + e.getMessage());
            threw = 1;
        }
        expect(size == 1 || W.allreduce((long) threw, Op.SUM) >= 1, "a throwing op was reported");
        try {
            W.allreduce(new double[1], new double[1], digits);
            throw new AssertionError("double buffer accepted by a long op");
        } catch (IllegalArgumentException expected) {
            // fine
        }
        digits.free();
        absMax.free();
        bad.free();
    }
}
