package org.jhpc.diffusion;

import org.jhpc.core.Config;

/**
 * Gets the row kernel JIT-compiled before the real run needs it. Until C2 compiles it, a Vector API kernel runs as
 * plain Java objects, hundreds of times slower than compiled code; a cold 2.4e8-update run spends about half of its
 * time there. {@link #start()} runs the kernel on a tiny throwaway grid on a background thread while the command
 * line is still being parsed (on the other core), and {@link #stop()} ends it before the time loop starts.
 * {@code -Djhpc.warmup=false} turns it off (to measure what it saves).
 */
public final class Warmup {
    private Warmup() {}

    private static volatile boolean stop;
    private static Thread thread;

    /** Starts warming the kernel that {@link RowKernel#best()} returns; at most about 300 ms of CPU. */
    public static synchronized void start() {
        if (thread != null || !Config.WARMUP.isOn()) return;
        thread = Thread.ofPlatform().daemon().name("jhpc-warmup").start(Warmup::run);
    }

    /** Stops the warm-up (waits at most a few milliseconds for it). */
    public static synchronized void stop() {
        stop = true;
        if (thread != null) {
            try {
                thread.join(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void run() {
        RowKernel kernel = RowKernel.best();
        int n = 4 * Math.max(1, org.jhpc.core.Simd.doubleLanes()) + 2;
        double[] a = new double[n * n], b = new double[n * n];
        for (int k = 0; k < a.length; k++) a[k] = (k % 7) * 0.125;
        long deadline = System.nanoTime() + 300_000_000L;
        for (int pass = 0; pass < 4000 && !stop && System.nanoTime() < deadline; pass++) {
            Wavefront.run(a, b, n, 0.25, kernel, 1 + pass % 4, 1, n - 1, 0, 0);
        }
    }
}
