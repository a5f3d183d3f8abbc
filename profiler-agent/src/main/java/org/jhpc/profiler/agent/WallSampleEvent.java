package org.jhpc.profiler.agent;

import jdk.jfr.Category;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One thread's stack at one tick of the wall-clock sampler ({@link WallSampler}). JFR records the stack of the
 * committing thread, which here is the sampler's, so the sampled stack is a field: frames innermost first, each
 * {@code binary.class.Name.method:line}, separated by {@code ;}.
 */
@Name(WallSampleEvent.NAME)
@Label("jhpc Wall-Clock Sample")
@Category("jhpc")
@StackTrace(false)
final class WallSampleEvent extends jdk.jfr.Event {
    static final String NAME = "jhpc.WallSample";

    @Label("Thread")
    String thread;

    @Label("State")
    String state;

    @Label("Weight")
    @Timespan(Timespan.NANOSECONDS)
    long weight;

    @Label("Truncated")
    boolean truncated;

    @Label("Stack")
    String stack;
}
