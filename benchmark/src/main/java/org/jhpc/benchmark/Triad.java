package org.jhpc.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * A STREAM-like triad, {@code a[i] = b[i] + s·c[i]}, measured by the harness itself so that each row's bandwidth
 * can be set against what this machine can move: three arrays sized to fit half of L2, half of L3, and far beyond
 * L3 (DRAM), on 1 thread and on every core. Counted as STREAM counts it: 24 bytes per element (two reads, one
 * write; write-allocate traffic not counted). Best of several timed batches (STREAM reports the best too).
 */
public final class Triad {
    private Triad() {}

    /**
     * One triad figure.
     *
     * @param level   L2, L3 or DRAM: which level the arrays were sized for
     * @param bytes   the three arrays' total size
     * @param threads threads that ran it
     * @param gbs     GB/s (1e9 bytes per second)
     */
    public record Result(String level, long bytes, int threads, double gbs) {}

    public static List<Result> measure(Machine m, boolean quick) {
        long l2 = m.l2() > 0 ? m.l2() : 1L << 20;
        long l3 = m.l3() > 0 ? m.l3() : 16L << 20;
        long dram = Math.max(4 * l3, quick ? 96L << 20 : 256L << 20);
        List<Result> out = new ArrayList<>();
        List<Integer> threads = m.cores() > 1 ? List.of(1, m.cores()) : List.of(1);
        for (int t : threads) {
            out.add(run("L2", l2 / 2, t, quick));
            out.add(run("L3", l3 / 2, t, quick));
            out.add(run("DRAM", dram, t, quick));
        }
        return out;
    }

    /** The triad figure for a working set of {@code bytes} on {@code threads} threads (the nearest one measured). */
    public static Result forWorkingSet(List<Result> results, Machine m, long bytes, int threads) {
        String level = bytes <= (m.l2() > 0 ? m.l2() : 1L << 20) ? "L2" : bytes <= (m.l3() > 0 ? m.l3() : 16L << 20) ? "L3" : "DRAM";
        int t = threads > 1 ? m.cores() : 1;
        for (Result r : results) if (r.level().equals(level) && r.threads() == t) return r;
        return null;
    }

    static Result run(String level, long totalBytes, int threads, boolean quick) {
        int n = (int) Math.max(1024, Math.min(Integer.MAX_VALUE - 8, totalBytes / 24));
        double[] a = new double[n], b = new double[n], c = new double[n];
        java.util.Arrays.fill(b, 1.0);
        java.util.Arrays.fill(c, 2.0);
        int reps = (int) Math.max(1, 20_000_000L / n);   // about 0.5 GB moved per batch
        int batches = quick ? 4 : 8;
        double best = Double.MAX_VALUE;
        Team team = new Team(threads, a, b, c, reps);
        try {
            team.batch();   // warm-up: JIT and page faults
            for (int i = 0; i < batches; i++) best = Math.min(best, team.batch());
        } finally {
            team.close();
        }
        return new Result(level, 24L * n, threads, 24.0 * n * reps / best * 1e-9);
    }

    static void triad(double[] a, double[] b, double[] c, double s, int from, int to) {
        for (int i = from; i < to; i++) a[i] = b[i] + s * c[i];
    }

    /** Platform threads that each own a slice and meet at a barrier before and after every timed batch. */
    private static final class Team implements AutoCloseable {
        private final CyclicBarrier start, end;
        private final List<Thread> workers = new ArrayList<>();
        private volatile boolean stop;

        Team(int threads, double[] a, double[] b, double[] c, int reps) {
            start = new CyclicBarrier(threads + 1);
            end = new CyclicBarrier(threads + 1);
            int n = a.length;
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) n * t / threads), to = (int) ((long) n * (t + 1) / threads);
                workers.add(Thread.ofPlatform().daemon().name("triad-" + t).start(() -> {
                    try {
                        while (true) {
                            start.await();
                            if (stop) return;
                            for (int r = 0; r < reps; r++) triad(a, b, c, 3.0, from, to);
                            end.await();
                        }
                    } catch (InterruptedException | BrokenBarrierException e) {
                        // closing
                    }
                }));
            }
        }

        double batch() {
            try {
                start.await();
                long t0 = System.nanoTime();
                end.await();
                return (System.nanoTime() - t0) * 1e-9;
            } catch (InterruptedException | BrokenBarrierException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            stop = true;
            try {
                start.await();
            } catch (InterruptedException | BrokenBarrierException e) {
                // already gone
            }
        }
    }
}
