package org.jhpc.profiler;

/**
 * Which JFR samples measure time. {@code EXECUTION} (jdk.ExecutionSample): every 1 ms, the threads that are running
 * Java code. {@code CPU} (jdk.CPUTimeSample, JDK 25 on Linux, experimental): every 1 ms of each thread's CPU time,
 * native code included.
 */
public enum SampleKind {
    EXECUTION, CPU;

    public static SampleKind parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "execution", "exec", "wall" -> EXECUTION;
            case "cpu" -> CPU;
            default -> throw new org.jhpc.core.UserError("unknown sample kind '" + s + "' (expected execution or cpu)");
        };
    }
}
