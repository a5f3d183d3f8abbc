package org.jhpc.profiler;

/**
 * Which samples measure time. {@code CPU} (jdk.CPUTimeSample, JEP 509, JDK 25 on Linux): one sample per period of
 * each thread's own CPU time, every thread sampled, native code included. {@code EXECUTION} (jdk.ExecutionSample):
 * every period, a few of the threads that are running Java code (fewer per thread as threads are added).
 * {@code WALL}: the agent's wall-clock sampler: every period, every thread, running, sleeping or blocked.
 */
public enum SampleKind {
    CPU, EXECUTION, WALL;

    public static SampleKind parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "execution", "exec" -> EXECUTION;
            case "cpu", "cpu-time" -> CPU;
            case "wall" -> WALL;
            default -> throw new org.jhpc.core.UserError("unknown sample kind '" + s + "' (expected cpu or execution)");
        };
    }

    /** The name in report headers. */
    public String label() {
        return switch (this) {
            case CPU -> "CPU-time";
            case EXECUTION -> "execution";
            case WALL -> "wall-clock";
        };
    }
}
