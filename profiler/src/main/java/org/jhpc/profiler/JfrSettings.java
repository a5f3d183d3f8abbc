package org.jhpc.profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The recording's event settings, as a .jfc file. Time: jdk.CPUTimeSample every {@code period} of each thread's
 * CPU time and/or jdk.ExecutionSample every {@code period} (whichever {@code cpu} and {@code execution} ask for);
 * the agent's wall-clock samples when it runs them. Memory: the agent's heap-sampler events and its exact
 * allocation total, or, without the agent, JFR's throttled jdk.ObjectAllocationSample ({@code allocationRate} per
 * second); GC heap summaries before and after each collection, heap usage every 100 ms, and the collections
 * themselves. Nothing else is recorded, which keeps the overhead low.
 */
public final class JfrSettings {
    private JfrSettings() {}

    public static String jfc(double periodMillis, boolean cpu, boolean execution, boolean jfrAllocations,
                             int allocationRate) {
        String period = periodMillis == Math.rint(periodMillis) ? (long) periodMillis + " ms"
                : Math.round(periodMillis * 1000) + " us";
        String throttle = periodMillis == Math.rint(periodMillis) ? (long) periodMillis + "ms"
                : Math.round(periodMillis * 1000) + "us";
        return String.format(Locale.ROOT, """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0" label="jhpc profile" description="jhpc profile: samples, allocations, heap">
                  <event name="jdk.ExecutionSample">
                    <setting name="enabled">%3$s</setting>
                    <setting name="period">%1$s</setting>
                  </event>
                  <event name="jdk.CPUTimeSample">
                    <setting name="enabled">%2$s</setting>
                    <setting name="throttle">%6$s</setting>
                    <setting name="stackTrace">true</setting>
                  </event>
                  <event name="jdk.CPUTimeSamplesLost">
                    <setting name="enabled">%2$s</setting>
                  </event>
                  <event name="jdk.ObjectAllocationSample">
                    <setting name="enabled">%4$s</setting>
                    <setting name="throttle">%5$d/s</setting>
                    <setting name="stackTrace">true</setting>
                  </event>
                  <event name="jhpc.AllocationSample">
                    <setting name="enabled">true</setting>
                    <setting name="stackTrace">true</setting>
                  </event>
                  <event name="jhpc.AllocationTotal">
                    <setting name="enabled">true</setting>
                    <setting name="period">endChunk</setting>
                  </event>
                  <event name="jhpc.WallSample">
                    <setting name="enabled">true</setting>
                  </event>
                  <event name="jdk.GCHeapSummary">
                    <setting name="enabled">true</setting>
                  </event>
                  <event name="jdk.GCHeapMemoryUsage">
                    <setting name="enabled">true</setting>
                    <setting name="period">100 ms</setting>
                  </event>
                  <event name="jdk.GarbageCollection">
                    <setting name="enabled">true</setting>
                    <setting name="threshold">0 ms</setting>
                  </event>
                </configuration>
                """, period, cpu, execution, jfrAllocations, Math.max(1, allocationRate), throttle);
    }

    /** Writes the settings to {@code dir/jhpc-profile.jfc} and returns its path. */
    public static Path write(Path dir, String jfc) throws IOException {
        Path f = dir.resolve("jhpc-profile.jfc");
        Files.writeString(f, jfc);
        return f;
    }
}
