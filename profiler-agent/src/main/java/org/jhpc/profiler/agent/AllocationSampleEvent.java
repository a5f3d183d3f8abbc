package org.jhpc.profiler.agent;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One object picked by the JVM's randomised heap sampler ({@link HeapSampler}), recorded as a JFR event on the
 * allocating thread, so that the event's stack trace is the allocation's (under the sampler's own top frames).
 * {@code weight} is the Horvitz-Thompson weight {@code size / (1 - exp(-size / interval))}: the object's size
 * divided by its chance of being picked, so that sums of weights are unbiased estimates of bytes allocated.
 */
@Name(AllocationSampleEvent.NAME)
@Label("jhpc Allocation Sample")
@Category("jhpc")
@Description("An allocation picked by the JVMTI heap sampler at random byte offsets (mean interval = interval)")
@StackTrace(true)
final class AllocationSampleEvent extends jdk.jfr.Event {
    static final String NAME = "jhpc.AllocationSample";

    @Label("Object Size")
    @DataAmount
    long size;

    @Label("Weight")
    @Description("Estimated bytes this sample stands for: size / (1 - exp(-size / interval))")
    @DataAmount
    long weight;

    @Label("Sampling Interval")
    @DataAmount
    long interval;
}
