package org.jhpc.tutorial.race;

/**
 * The slides' {@code multiprocessing_shared.py}: {@code workers} threads each add {@code increments} ones to one
 * shared counter. The expected count is workers × increments; with {@link Fix#NONE} some increments are lost when
 * two threads interleave their read-add-write (how many depends on the timing, so it varies from run to run and
 * may be zero on one core); every other fix counts exactly, at a cost the time shows.
 */
public final class CounterRace {
    private CounterRace() {}

    /**
     * One run.
     *
     * @param fix      how the counter was protected
     * @param count    the counter's final value (≤ expected: a lost update can only lose)
     * @param expected workers × increments
     * @param seconds  wall time of the incrementing
     */
    public record Result(Fix fix, long count, long expected, double seconds) {
        /** Increments lost to the race: expected − count. */
        public long lost() {
            return expected - count;
        }
    }

    /** Runs the race; workers ≥ 1 and increments ≥ 0 (checked by {@link RaceLimits}). */
    public static Result run(Fix fix, int workers, long increments) {
        long expected = RaceLimits.check(workers, increments);
        SharedCounter counter = SharedCounter.create(fix);
        double seconds = Workers.run(workers, w -> {
            for (long i = 0; i < increments; i++) counter.increment();
        });
        return new Result(fix, counter.get(), expected, seconds);
    }
}
