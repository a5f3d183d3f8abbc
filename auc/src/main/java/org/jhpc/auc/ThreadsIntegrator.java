package org.jhpc.auc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jhpc.core.Ranges;

/**
 * The {@link PartialSum} kernel on N threads: thread t sums the contiguous piece t of [0, ntot)
 * ({@link Ranges}), the calling thread doing piece 0 while N − 1 pool threads do the rest. The N partial sums are
 * then added in piece order on the caller and multiplied by dx, so the result is deterministic for a given N (it
 * may differ from {@code simd} and from other N in the last bits, since the pieces group the terms differently).
 */
final class ThreadsIntegrator implements Integrator {
    private final PartialSum kernel = PartialSum.best();
    private final int threads;
    private final ExecutorService pool;

    ThreadsIntegrator(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1,
                Thread.ofPlatform().daemon().name("jhpc-auc-", 1).factory());
    }

    @Override
    public double area(long ntot) {
        double dx = Integrand.dx(ntot);
        List<Future<Double>> parts = new ArrayList<>(threads - 1);
        for (int t = 1; t < threads; t++) {
            long i0 = Ranges.start(ntot, threads, t), i1 = Ranges.start(ntot, threads, t + 1);
            parts.add(pool.submit(() -> kernel.sum(i0, i1, dx)));
        }
        double total = kernel.sum(0, Ranges.start(ntot, threads, 1), dx);
        try {
            for (Future<Double> f : parts) total += f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for auc threads", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("auc worker failed", e.getCause());
        }
        return total * dx;
    }

    @Override
    public String kernel() {
        return kernel.describe() + ", " + threads + " threads";
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
