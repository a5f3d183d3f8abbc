package org.jhpc.expr;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jhpc.core.Config;
import org.jhpc.core.Cpus;

/**
 * The engine's own worker threads (daemons). Work is split into numbered units that workers and the calling
 * thread take from a shared counter, so the caller always makes progress even when the pool is busy with other
 * callers' work: many threads may evaluate at once, with no global lock.
 */
final class Pool {
    private Pool() {}

    /** Per-worker state: runs units, then is released once. */
    interface Worker {
        void unit(int u);

        default void done() {}
    }

    private static int threads = initialThreads();
    private static ExecutorService exec;

    /**
     * The default thread count: {@code JHPC_EXPR_THREADS} when it is a positive integer (an override for the
     * engine alone), else jhpc's one default, {@link Cpus#defaultThreads()} (the processors this JVM may use,
     * capped by the Slurm allocation).
     */
    static int initialThreads() {
        Integer env = positive(Config.EXPR_THREADS.given());
        return env != null ? Math.min(env, 1024) : Math.min(Cpus.defaultThreads(), 1024);
    }

    private static Integer positive(String s) {
        if (s == null) return null;
        try {
            int n = Integer.parseInt(s.trim());
            return n >= 1 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static synchronized int threads() {
        return threads;
    }

    static synchronized int setThreads(int n) {
        if (n < 1 || n > 1024) throw new ExprException("thread count must be in [1, 1024], got " + n);
        int old = threads;
        if (n != old) {
            threads = n;
            if (exec != null) exec.shutdown();
            exec = null;
        }
        return old;
    }

    private static synchronized ExecutorService executor() {
        if (exec == null) {
            AtomicInteger id = new AtomicInteger();
            exec = Executors.newFixedThreadPool(Math.max(1, threads - 1), r -> {
                Thread t = new Thread(r, "jhpc-expr-" + id.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return exec;
    }

    /** Runs units {@code 0..units-1} on up to {@code nthreads} threads (the caller included). */
    static void run(int units, int nthreads, Supplier<Worker> factory) {
        if (units <= 0) return;
        if (nthreads <= 1 || units == 1) {
            Worker w = factory.get();
            try {
                for (int u = 0; u < units; u++) w.unit(u);
            } finally {
                w.done();
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        CountDownLatch left = new CountDownLatch(units);
        AtomicReference<Throwable> error = new AtomicReference<>();
        Runnable task = () -> {
            Worker w = null;
            try {
                int u;
                while ((u = next.getAndIncrement()) < units) {
                    try {
                        if (error.get() == null) {
                            if (w == null) w = factory.get();
                            w.unit(u);
                        }
                    } catch (Throwable t) {
                        error.compareAndSet(null, t);
                    } finally {
                        left.countDown();
                    }
                }
            } finally {
                if (w != null) w.done();
            }
        };
        ExecutorService ex = executor();
        for (int t = 1; t < Math.min(nthreads, units); t++) {
            try {
                ex.execute(task);
            } catch (RejectedExecutionException e) {
                break;      // the pool was replaced meanwhile: the caller does the rest
            }
        }
        task.run();
        boolean interrupted = false;
        while (true) {
            try {
                left.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Throwable t = error.get();
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException(t);
    }
}
