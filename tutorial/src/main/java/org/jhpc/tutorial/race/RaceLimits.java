package org.jhpc.tutorial.race;

import org.jhpc.core.UserError;

/** The inputs every race demo accepts: 1 to {@link #MAX_WORKERS} workers, a count of at least 0 per worker. */
public final class RaceLimits {
    private RaceLimits() {}

    /** Most threads a demo starts (each is a real platform thread). */
    public static final int MAX_WORKERS = 1024;

    /** Checks the inputs and returns workers × perWorker, else a one-line {@link UserError}. */
    public static long check(int workers, long perWorker) {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new UserError("--workers must be from 1 to " + MAX_WORKERS + ", got " + workers);
        }
        if (perWorker < 0) throw new UserError("--increments must be >= 0, got " + perWorker);
        try {
            return Math.multiplyExact(workers, perWorker);
        } catch (ArithmeticException e) {
            throw new UserError("--workers x --increments overflows a long: " + workers + " x " + perWorker);
        }
    }
}
