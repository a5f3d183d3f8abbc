package org.jhpc.profiler;

/**
 * One sampled stack: {@code frames[0]} is the innermost frame (where the thread was), the last is the thread's
 * entry point. {@code weight} is 1 for a time sample (or the nanoseconds a wall sample stands for) and the
 * estimated bytes for an allocation sample; {@code size} is the sampled object's own size (allocation samples; 0
 * otherwise), {@code thread} the sampled thread's name ("" when unknown).
 */
public record StackSample(Frame[] frames, long weight, long size, String thread) {
    public StackSample(Frame[] frames, long weight) {
        this(frames, weight, 0, "");
    }

    /** The innermost frame that is not JDK code, or the innermost frame when all of them are JDK code. */
    public Frame userFrame() {
        for (Frame f : frames) {
            if (!f.isJdk()) return f;
        }
        return frames[0];
    }

    /**
     * This sample's term in the variance of a Horvitz-Thompson sum: {@code w^2 (1 - pi) = w (w - size)} for an
     * object of {@code size} bytes kept with probability {@code pi = size / w}.
     */
    public double varianceTerm() {
        return (double) weight * Math.max(0, weight - size);
    }
}
