package org.jhpc.profiler;

/**
 * One sampled stack: {@code frames[0]} is the innermost frame (where the thread was), the last is the thread's
 * entry point. {@code weight} is 1 for a time sample and the estimated bytes for an allocation sample.
 */
public record StackSample(Frame[] frames, long weight) {
    /** The innermost frame that is not JDK code, or the innermost frame when all of them are JDK code. */
    public Frame userFrame() {
        for (Frame f : frames) {
            if (!f.isJdk()) return f;
        }
        return frames[0];
    }
}
