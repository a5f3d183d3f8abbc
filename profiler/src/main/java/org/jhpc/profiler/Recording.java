package org.jhpc.profiler;

import java.util.List;

/**
 * What a JFR recording held, reduced to what the reports need.
 *
 * <p>Time: execution samples (jdk.ExecutionSample: threads running Java code, a few threads per period), CPU-time
 * samples (jdk.CPUTimeSample, JDK 25 on Linux: one per period of each thread's own CPU time, every thread), and
 * wall-clock samples of the agent (every thread whatever its state, each weighing the nanoseconds since the
 * previous sample). {@code truncated} counts the time samples whose stack was deeper than the recording's stack
 * depth (their outermost frames are missing).
 *
 * <p>Memory: allocation samples, from the agent's heap sampler ({@code heapSampler}: unbiased, weights
 * {@code size / P(sampled)}) or else JFR's throttled jdk.ObjectAllocationSample (weights: bytes since the thread's
 * previous sample; biased per line when lines of different sizes interleave); {@code allocatedBytes} is the JVM's
 * exact count of bytes allocated (-1 when the recording does not have it); heap occupancy over time; GC pauses.
 */
public record Recording(List<StackSample> executionSamples, List<StackSample> cpuSamples,
                        List<StackSample> wallSamples, List<StackSample> allocationSamples, boolean heapSampler,
                        long allocatedBytes, List<HeapPoint> heap, double seconds, long cpuSamplesLost,
                        long truncated, int stackDepth) {

    /** A recording with execution and CPU samples only (tests). */
    public Recording(List<StackSample> executionSamples, List<StackSample> cpuSamples,
                     List<StackSample> allocationSamples, List<HeapPoint> heap, double seconds, long cpuSamplesLost) {
        this(executionSamples, cpuSamples, List.of(), allocationSamples, true, -1, heap, seconds, cpuSamplesLost, 0, 0);
    }

    /** The samples the time reports use. */
    public List<StackSample> timeSamples(SampleKind kind) {
        return switch (kind) {
            case CPU -> cpuSamples;
            case EXECUTION -> executionSamples;
            case WALL -> wallSamples;
        };
    }

    /** CPU-time samples where there are any, else execution samples. */
    public SampleKind defaultKind() {
        return !wallSamples.isEmpty() && cpuSamples.isEmpty() && executionSamples.isEmpty() ? SampleKind.WALL
                : cpuSamples.isEmpty() && !executionSamples.isEmpty() ? SampleKind.EXECUTION : SampleKind.CPU;
    }
}
