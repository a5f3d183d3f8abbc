package org.jhpc.mpi.bench;

import java.lang.foreign.Arena;
import java.util.Arrays;
import org.jhpc.mpi.Buf;
import org.jhpc.mpi.Comm;
import org.jhpc.mpi.Datatype;

/**
 * The classic ping-pong between ranks 0 and 1 (other ranks only wait): rank 0 sends {@code bytes} and rank 1 sends
 * them back, {@code iters} times; one-way time = elapsed / (2·iters). Each measurement is repeated {@code reps}
 * times after a warm-up (which also lets the JIT compile the path); the median is reported. Buffers are
 * {@code byte[]} (heap: staged through native memory, receives matched first) or native segments (in place).
 */
public final class PingPong {
    private PingPong() {}

    /** Median one-way seconds per message of {@code bytes}, on rank 0 (NaN elsewhere). */
    public static double oneWaySeconds(Comm c, int bytes, int iters, int reps, boolean nativeMemory) {
        if (c.size() < 2) throw new IllegalArgumentException("ping-pong needs at least 2 ranks, got " + c.size());
        try (Arena arena = Arena.ofConfined()) {
            Buf buf = nativeMemory ? Buf.of(arena.allocate(Math.max(bytes, 1), 64).asSlice(0, bytes), Datatype.BYTE)
                    : Buf.of(new byte[bytes]);
            int rank = c.rank();
            for (int w = 0; w < 2; w++) round(c, buf, rank, Math.max(10, iters));   // warm-up: let the JIT settle
            double[] t = new double[reps];
            for (int r = 0; r < reps; r++) {
                c.barrier();
                long t0 = System.nanoTime();
                round(c, buf, rank, iters);
                t[r] = (System.nanoTime() - t0) * 1e-9 / (2.0 * iters);
            }
            Arrays.sort(t);
            return rank == 0 ? t[reps / 2] : Double.NaN;
        }
    }

    private static void round(Comm c, Buf buf, int rank, int iters) {
        for (int i = 0; i < iters; i++) exchange(c, buf, rank);
    }

    /** One round trip; a method of its own so that the JIT compiles it whole rather than through loop OSR. */
    static void exchange(Comm c, Buf buf, int rank) {   // also MpiBench's round trip
        if (rank == 0) {
            c.send(buf, 1, 0);
            c.recv(buf, 1, 0);
        } else if (rank == 1) {
            c.recv(buf, 0, 0);
            c.send(buf, 0, 0);
        }
    }
}
