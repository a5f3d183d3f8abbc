package org.jhpc.tutorial.race;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * False sharing: every worker counts in its own slot of one {@code long[]}, so there is no race and the answer is
 * exact either way, but the layout decides the time. With {@link Layout#ADJACENT} slots (8 bytes apart) up to
 * eight counters share one 64-byte cache line, and each write by one core takes the line away from the others;
 * with {@link Layout#PADDED} slots (128 bytes apart, beyond the adjacent-line prefetcher too) each core keeps its
 * own line. The slots are accessed with opaque {@link VarHandle} reads and writes: each one really goes to memory
 * (a plain {@code a[w]++} would be kept in a register by the JIT, and the effect would vanish), without the fences
 * a volatile access adds.
 */
public final class FalseSharing {
    private FalseSharing() {}

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    /** Where worker w's counter lives. */
    public enum Layout {
        /** Slot w: neighbours share cache lines. */
        ADJACENT(1),
        /** Slot 16·w: 128 bytes between counters. */
        PADDED(16);

        /** Slots (longs) from one worker's counter to the next. */
        public final int stride;

        Layout(int stride) {
            this.stride = stride;
        }
    }

    /**
     * One run.
     *
     * @param total    the sum of all counters (always = expected)
     * @param expected workers × increments
     */
    public record Result(Layout layout, long total, long expected, double seconds) {}

    /** Each of {@code workers} threads adds {@code increments} ones to its own counter. */
    public static Result run(Layout layout, int workers, long increments) {
        long expected = RaceLimits.check(workers, increments);
        int stride = layout.stride;
        long[] slots = new long[workers * stride];
        double seconds = Workers.run(workers, w -> {
            int at = w * stride;
            for (long i = 0; i < increments; i++) {
                SLOT.setOpaque(slots, at, (long) SLOT.getOpaque(slots, at) + 1);
            }
        });
        long total = 0;
        for (int w = 0; w < workers; w++) total += slots[w * stride];
        return new Result(layout, total, expected, seconds);
    }
}
