package org.jhpc.tutorial.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jhpc.core.UserError;

/**
 * Four ways the JDK runs "apply f to every item and give me the results in order", Python's
 * {@code Pool(n).map(f, items)}. Threads share memory, so unlike Python's processes nothing is pickled or copied:
 * each task reads its {@link Chunk} and returns one double.
 */
public enum MapStrategy {
    /** {@link Executors#newFixedThreadPool}: n threads take tasks from one shared queue (the closest to Pool). */
    FIXED,
    /** {@link Executors#newWorkStealingPool}: a ForkJoinPool of n workers, one queue each; idle workers steal. */
    STEALING,
    /** {@code IntStream.range(0, chunks).parallel()}: the common ForkJoinPool splits the range in halves. */
    STREAM,
    /** {@link Executors#newVirtualThreadPerTaskExecutor}: one cheap virtual thread per task, on the JDK's carriers. */
    VIRTUAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MapStrategy parse(String text) {
        for (MapStrategy s : values()) {
            if (s.label().equalsIgnoreCase(text == null ? "" : text.strip())) return s;
        }
        throw new UserError("unknown strategy '" + text + "'; choose one of fixed, stealing, stream, virtual");
    }

    /**
     * [f(items[0]), f(items[1]), …] computed by this strategy with {@code workers} threads (the stream uses the
     * common pool, whose size is the JVM's: available processors − 1 plus the caller).
     */
    public double[] map(List<Chunk> items, int workers) {
        return switch (this) {
            case FIXED -> {
                try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
                    yield invokeAll(pool, items);
                }
            }
            case STEALING -> {
                try (ExecutorService pool = Executors.newWorkStealingPool(workers)) {
                    yield invokeAll(pool, items);
                }
            }
            case STREAM -> IntStream.range(0, items.size()).parallel().mapToDouble(k -> items.get(k).sum()).toArray();
            case VIRTUAL -> {
                try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                    yield invokeAll(pool, items);
                }
            }
        };
    }

    /** Submits one task per item and collects the results in item order (the {@code map} of an executor). */
    private static double[] invokeAll(ExecutorService pool, List<Chunk> items) {
        List<Callable<Double>> tasks = new ArrayList<>(items.size());
        for (Chunk c : items) tasks.add(c::sum);
        try {
            List<Future<Double>> done = pool.invokeAll(tasks);
            double[] out = new double[done.size()];
            for (int k = 0; k < out.length; k++) out[k] = done.get(k).get();
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while mapping", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a mapped task failed", e.getCause());
        }
    }
}
