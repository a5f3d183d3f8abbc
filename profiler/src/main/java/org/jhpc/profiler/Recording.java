package org.jhpc.profiler;

import java.util.List;

/**
 * What a JFR recording held, reduced to what the reports need: execution samples (threads running Java code,
 * every 1 ms), CPU-time samples (every 1 ms of each thread's CPU time, where the JVM has them), allocation samples
 * and heap occupancy over time.
 *
 * <p>Allocation samples are JFR's TLAB events: a jdk.ObjectAllocationInNewTLAB event (an allocation that needed a
 * new thread-local allocation buffer) weighs the new buffer's size, a jdk.ObjectAllocationOutsideTLAB event (an
 * allocation too large for a buffer) its own size. Sums of weights estimate bytes allocated: an allocation's chance
 * of being the one that needs a new buffer is proportional to its size. On the test workload this estimator was
 * within a few percent per line, where the throttled jdk.ObjectAllocationSample's weights (bytes since the thread's
 * previous sample) were off by up to 40%; those are used only when a recording has no TLAB events.
 */
public record Recording(List<StackSample> executionSamples, List<StackSample> cpuSamples,
                        List<StackSample> allocationSamples, List<HeapPoint> heap, double seconds,
                        long cpuSamplesLost) {

    /** The samples the time reports use: {@code cpu} or {@code execution} (the default). */
    public List<StackSample> timeSamples(SampleKind kind) {
        return kind == SampleKind.CPU ? cpuSamples : executionSamples;
    }
}
