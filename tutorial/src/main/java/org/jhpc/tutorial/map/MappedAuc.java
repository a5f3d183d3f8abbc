package org.jhpc.tutorial.map;

import java.util.ArrayList;
import java.util.List;
import org.jhpc.core.CompensatedSum;
import org.jhpc.core.UserError;

/**
 * The slides' auc as a {@code Pool.map}: split the ntot points into {@code chunks} chunks, map {@link Chunk#sum()}
 * over them with a {@link MapStrategy}, then add the partial sums in chunk order (compensated) and multiply by dx. The answer
 * depends on ntot and the chunk count only (not on the strategy, the workers or the timing).
 */
public final class MappedAuc {
    private MappedAuc() {}

    /** Most chunks accepted (each is one task object). */
    public static final int MAX_CHUNKS = 1 << 20;

    /**
     * One run.
     *
     * @param area    the left Riemann sum
     * @param seconds wall time of the fastest of the repeats (splitting, mapping and adding)
     */
    public record Result(MapStrategy strategy, int chunks, int workers, double area, double seconds) {}

    /** Checks the inputs of {@link #run}: one-line {@link UserError}s. */
    public static void check(int chunks, int workers, int repeats) {
        if (chunks < 1 || chunks > MAX_CHUNKS) {
            throw new UserError("--chunks must be from 1 to " + MAX_CHUNKS + ", got " + chunks);
        }
        if (workers < 1 || workers > 1024) throw new UserError("--workers must be from 1 to 1024, got " + workers);
        if (repeats < 1) throw new UserError("--repeat must be at least 1, got " + repeats);
    }

    /** The chunks of an ntot-point sum. */
    public static List<Chunk> split(long ntot, int chunks) {
        List<Chunk> out = new ArrayList<>(chunks);
        for (int k = 0; k < chunks; k++) out.add(Chunk.of(ntot, chunks, k));
        return out;
    }

    /** The area by {@code strategy}, run {@code repeats} times; the time is the fastest run's. */
    public static Result run(MapStrategy strategy, long ntot, int chunks, int workers, int repeats) {
        if (ntot < 1) throw new UserError("NTOT must be at least 1, got " + ntot);
        check(chunks, workers, repeats);
        double area = Double.NaN;
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            List<Chunk> items = split(ntot, chunks);
            double[] parts = strategy.map(items, workers);
            area = addInOrder(parts) * items.get(0).dx();
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        return new Result(strategy, chunks, workers, area, best);
    }

    /**
     * Σ parts[k] in index order, compensated (core's {@link CompensatedSum}), so that many small chunks do not add
     * the rounding error of one addition per chunk (262144 chunks added plainly drift by ~2e-12 relative).
     */
    static double addInOrder(double[] parts) {
        CompensatedSum s = new CompensatedSum();
        for (double p : parts) s.add(p);
        return s.total();
    }

    /** The slides' first Pool example, {@code p.map(f, [1, 2, 3])} with f(x) = x·x, on a fixed pool. */
    public static List<Integer> squares(List<Integer> xs, int workers) {
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(workers)) {
            List<java.util.concurrent.Future<Integer>> fs = new ArrayList<>();
            for (int x : xs) fs.add(pool.submit(() -> x * x));
            List<Integer> out = new ArrayList<>();
            for (var f : fs) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a task failed", e.getCause());
        }
    }
}
