package org.jhpc.tutorial.race;

import org.jhpc.core.UserError;

/**
 * The slides' shared {@code Array}: one array, many writers, no race, because worker w writes only its own
 * contiguous part [start(w), start(w + 1)) and no two parts overlap. Threads share the heap, so no copy is made and
 * the main thread sees every write once it has joined the workers (the join is the memory barrier). Each cell gets
 * a[i] = i², which the check recomputes.
 */
public final class SharedArray {
    private SharedArray() {}

    /**
     * One run.
     *
     * @param length  cells in the array
     * @param wrong   cells whose value is not i² after the join (0: no race)
     * @param seconds wall time of the writing
     */
    public record Result(int length, int workers, long wrong, double seconds) {}

    /** First cell of worker w's part when {@code length} cells are split into {@code workers} parts. */
    static int start(int length, int workers, int w) {
        return (int) ((long) length * w / workers);
    }

    /** Fills a shared array of {@code length} cells from {@code workers} threads and checks every cell. */
    public static Result run(int workers, int length) {
        RaceLimits.check(workers, 0);
        if (length < 0) throw new UserError("--length must be >= 0, got " + length);
        double[] shared = new double[length];
        double seconds = Workers.run(workers, w -> {
            for (int i = start(length, workers, w), end = start(length, workers, w + 1); i < end; i++) {
                shared[i] = (double) i * i;
            }
        });
        long wrong = 0;
        for (int i = 0; i < length; i++) {
            if (shared[i] != (double) i * i) wrong++;
        }
        return new Result(length, workers, wrong, seconds);
    }
}
