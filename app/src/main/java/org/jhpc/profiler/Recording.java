package org.jhpc.profiler;

import java.util.List;

/**
 * What a JFR recording held, reduced to what the reports need: execution samples (threads running Java code,
 * every 1 ms), CPU-time samples (every 1 ms of each thread's CPU time, where the JVM has them), allocation samples
 * (each weighted by the bytes its thread allocated since its previous sample) and heap occupancy over time.
 */
public record Recording(List<StackSample> executionSamples, List<StackSample> cpuSamples,
                        List<StackSample> allocationSamples, List<HeapPoint> heap, double seconds,
                        long cpuSamplesLost) {

    /** The samples the time reports use: {@code cpu} or {@code execution} (the default). */
    public List<StackSample> timeSamples(SampleKind kind) {
        return kind == SampleKind.CPU ? cpuSamples : executionSamples;
    }
}
