package org.jhpc.mpi.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.jhpc.mpi.Buf;
import org.jhpc.mpi.Comm;
import org.jhpc.mpi.Datatype;
import org.jhpc.mpi.MPI;
import org.jhpc.mpi.Op;

/**
 * The protocol of {@code jhpc bench mpi}, the same as peers/mpi/mpibench.c and mpibench.py: ping-pong between ranks
 * 0 and 1 (one-way time = batch time / (2·iters)) and {@code allreduce(SUM)} of doubles on every rank (time per
 * call). Each measurement: a warm-up of max(10, iters/2) operations, then {@code reps} batches of {@code iters}
 * operations between two {@link MPI#wtime()} reads after a barrier; the median batch. Answers are checked from one
 * verified operation after the timing: the byte sum of a round trip (rank 0 sends (7i+3) mod 128, rank 1 starts from
 * zeros), and the sum of an allreduce of x_i = rank + (i mod 1000), exact in doubles.
 */
public final class MpiBench {
    private MpiBench() {}

    /** A median time (seconds per one-way message or per allreduce) and the check value (rank 0's). */
    public record Result(double seconds, double check) {}

    /** Operations at {@code bytes} for a bandwidth sweep: {@code iters} up to 64 KiB, fewer above (at least 4). */
    public static long itersFor(long bytes, long iters) {
        return bytes <= 65536 ? iters : Math.max(4, iters * 65536 / bytes);
    }

    /** Ping-pong of {@code bytes}-byte messages from a {@code byte[]} (or, {@code nativeMemory}, a native segment). */
    public static Result pingpong(Comm c, int bytes, long iters, int reps, boolean nativeMemory) {
        if (c.size() < 2) throw new IllegalArgumentException("ping-pong needs at least 2 ranks, got " + c.size());
        try (Arena arena = Arena.ofConfined()) {
            byte[] heap = nativeMemory ? null : new byte[bytes];
            MemorySegment seg = nativeMemory ? arena.allocate(Math.max(bytes, 1), 64).asSlice(0, bytes) : MemorySegment.ofArray(heap);
            Buf buf = nativeMemory ? Buf.of(seg, Datatype.BYTE) : Buf.of(heap);
            int rank = c.rank();
            rounds(c, buf, rank, Math.max(10, iters / 2));
            double[] t = new double[reps];
            for (int r = 0; r < reps; r++) {
                c.barrier();
                double t0 = MPI.wtime();
                rounds(c, buf, rank, iters);
                t[r] = (MPI.wtime() - t0) / (2.0 * iters);
            }
            long check = 0;
            if (rank == 0) {
                for (int i = 0; i < bytes; i++) seg.set(ValueLayout.JAVA_BYTE, i, (byte) ((7 * i + 3) % 128));
                c.send(buf, 1, 1);
                seg.fill((byte) 0);
                c.recv(buf, 1, 1);
                for (int i = 0; i < bytes; i++) check += seg.get(ValueLayout.JAVA_BYTE, i);
            } else if (rank == 1) {
                seg.fill((byte) 0);
                c.recv(buf, 0, 1);
                c.send(buf, 0, 1);
            }
            return new Result(median(t), check);
        }
    }

    /** {@code allreduce(SUM)} of {@code n} doubles ({@code double[]}, or native segments). */
    public static Result allreduce(Comm c, int n, long iters, int reps, boolean nativeMemory) {
        try (Arena arena = Arena.ofConfined()) {
            int rank = c.rank();
            double[] xa = new double[n];
            for (int i = 0; i < n; i++) xa[i] = rank + (i % 1000);
            Buf x, y;
            MemorySegment ys;
            if (nativeMemory) {
                MemorySegment xs = arena.allocate(8L * Math.max(n, 1), 64).asSlice(0, 8L * n);
                MemorySegment.copy(MemorySegment.ofArray(xa), 0, xs, 0, 8L * n);
                ys = arena.allocate(8L * Math.max(n, 1), 64).asSlice(0, 8L * n);
                x = Buf.of(xs, Datatype.DOUBLE);
                y = Buf.of(ys, Datatype.DOUBLE);
            } else {
                double[] ya = new double[n];
                ys = MemorySegment.ofArray(ya);
                x = Buf.of(xa);
                y = Buf.of(ya);
            }
            reduces(c, x, y, Math.max(10, iters / 2));
            double[] t = new double[reps];
            for (int r = 0; r < reps; r++) {
                c.barrier();
                double t0 = MPI.wtime();
                reduces(c, x, y, iters);
                t[r] = (MPI.wtime() - t0) / iters;
            }
            ys.fill((byte) 0);
            c.allreduce(x, y, Op.SUM);
            double check = 0;
            for (int i = 0; i < n; i++) check += ys.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
            return new Result(median(t), check);
        }
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void rounds(Comm c, Buf buf, int rank, long iters) {
        for (long i = 0; i < iters; i++) PingPong.exchange(c, buf, rank);
    }

    private static void reduces(Comm c, Buf x, Buf y, long iters) {
        for (long i = 0; i < iters; i++) c.allreduce(x, y, Op.SUM);
    }
}
