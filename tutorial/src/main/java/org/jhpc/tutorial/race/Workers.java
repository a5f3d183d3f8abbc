package org.jhpc.tutorial.race;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;

/**
 * The slides' {@code Process(target=...).start()} / {@code join()} loop, with Java threads: starts {@code workers}
 * platform threads that each run {@code body.accept(workerIndex)}, releases them all at once (so that they really
 * overlap), joins them, and returns the wall time from release to the last join.
 */
public final class Workers {
    private Workers() {}

    /** Runs body(0) … body(workers − 1) on their own threads at the same time; returns the wall seconds. */
    public static double run(int workers, IntConsumer body) {
        CountDownLatch ready = new CountDownLatch(workers);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            int id = w;
            threads.add(Thread.ofPlatform().name("worker-" + w).start(() -> {
                ready.countDown();
                awaitQuietly(go);
                body.accept(id);
            }));
        }
        awaitQuietly(ready);
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while joining " + t.getName(), e);
            }
        }
        return (System.nanoTime() - t0) * 1e-9;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
