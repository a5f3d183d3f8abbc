package org.jhpc.diffusion;

import org.jhpc.core.Ranges;
import org.jhpc.core.Simd;
import org.jhpc.core.SpinBarrier;

/**
 * The SIMD rung on a team of threads, each owning a band of rows (the schedule; the row kernel is unchanged).
 * With temporal blocking depth d > 1 a thread copies its band plus d halo rows on each side from the current grid
 * into two private buffers, runs a shrinking {@link Wavefront} of d steps there (recomputing the halo rows that its
 * neighbours also compute) and writes its band into the next grid: one barrier per d steps instead of one per step.
 * With d = 1 (the default: on the slides' case it measured 0.041 s against 0.044 s for d = 8, since copying the
 * halo buffers costs more than the barriers it saves) threads update the shared grids directly, one barrier per step. Bands are {@link Ranges} pieces of the
 * interior rows (sizes differ by one row at most); threads beyond the row count idle at the barriers.
 */
final class ThreadsSolver extends FlatSolver {
    private final RowKernel kernel = RowKernel.best();
    private final int threads;
    private final int depth;
    private final SpinBarrier barrier;
    private final Thread[] workers;
    private final double[][] privA;
    private final double[][] privB;
    private volatile long taskSteps;
    private volatile boolean shutdown;
    private volatile Throwable failure;
    private double[] resultGrid;

    ThreadsSolver(Diff2dProblem p, int threads, int depth) {
        super(p);
        this.threads = threads;
        this.depth = depth > 0 ? depth : 1;   // automatic: one barrier per step beat halo blocking when measured
        this.barrier = new SpinBarrier(threads);
        this.privA = new double[threads][];
        this.privB = new double[threads][];
        this.workers = new Thread[threads - 1];
        for (int t = 1; t < threads; t++) {
            int id = t;
            workers[t - 1] = Thread.ofPlatform().daemon().name("jhpc-diff2d-" + t).start(() -> workerLoop(id));
        }
    }

    private void workerLoop(int id) {
        while (true) {
            barrier.await();                       // wait for a task
            if (shutdown) return;
            runSafely(id);
            barrier.await();                       // task done
        }
    }

    private void runSafely(int id) {
        try {
            double[] result = runBand(id, taskSteps);
            if (id == 0) resultGrid = result;
        } catch (Throwable e) {
            failure = e;
        }
    }

    @Override
    public void advance(long steps) {
        if (steps <= 0) return;
        taskSteps = steps;
        barrier.await();
        runSafely(0);
        barrier.await();
        if (failure != null) throw new IllegalStateException("diff2d worker failed", failure);
        if (resultGrid != cur) swap();
    }

    /** Runs this thread's share of {@code steps}; returns the grid that holds the result. */
    private double[] runBand(int id, long steps) {
        int nrows = n - 2;
        int r0 = 1 + Ranges.start(nrows, threads, id);
        int r1 = 1 + Ranges.start(nrows, threads, id + 1);
        double[] src = cur, dst = next;
        while (steps > 0) {
            int d = (int) Math.min(depth, steps);
            boolean inPlaceEven = threads == 1 && (d & 1) == 0;   // one band: wavefront in the shared grids
            if (r1 > r0) {
                if (d == 1 || threads == 1) {
                    Wavefront.run(src, dst, n, coef, kernel, d, r0, r1, 0, 0);
                } else {
                    haloBlock(id, src, dst, r0, r1, d);
                }
            }
            barrier.await();
            if (!inPlaceEven) {
                double[] t = src;
                src = dst;
                dst = t;
            }
            steps -= d;
        }
        return src;
    }

    /** d steps of band [r0, r1) from src into dst through private buffers holding the band and d halo rows. */
    private void haloBlock(int id, double[] src, double[] dst, int r0, int r1, int d) {
        int base = Math.max(0, r0 - d);
        int top = Math.min(n, r1 + d);
        int len = (top - base) * n;
        if (privA[id] == null || privA[id].length < len) {
            privA[id] = new double[len + 2 * n];
            privB[id] = new double[len + 2 * n];
        }
        double[] a = privA[id], b = privB[id];
        System.arraycopy(src, base * n, a, 0, len);
        // Level 1 range; a side at the domain boundary keeps its fixed zero row and does not shrink.
        int lo = base == 0 ? 1 : r0 - d + 1, shrinkLo = base == 0 ? 0 : 1;
        int hi = top == n ? n - 1 : r1 + d - 1, shrinkHi = top == n ? 0 : 1;
        if (base == 0) java.util.Arrays.fill(b, 0, n, 0.0);
        if (top == n) java.util.Arrays.fill(b, len - n, len, 0.0);
        Wavefront.run(a, b, n, coef, kernel, d, lo - base, hi - base, shrinkLo, shrinkHi);
        double[] result = (d & 1) == 1 ? b : a;
        System.arraycopy(result, (r0 - base) * n, dst, r0 * n, (r1 - r0) * n);
    }

    @Override
    public String kernel() {
        return Simd.describe() + ", " + threads + " threads, wavefront depth " + depth;
    }

    @Override
    public void close() {
        shutdown = true;
        barrier.await();
        for (Thread w : workers) {
            try {
                w.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
