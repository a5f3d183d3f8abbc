package org.jhpc.profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The recording's event settings, as a .jfc file: execution samples every 1 ms, CPU-time samples every 1 ms of
 * thread CPU time (JDK 25 on Linux; JVMs without the event ignore it), allocation events at each TLAB refill and
 * each allocation outside a TLAB (the estimator of {@link Recording#allocationSamples()}), the throttled
 * allocation samples ({@code allocationRate} per second, kept for JDK Mission Control), GC heap summaries before and after each collection and heap usage every
 * 100 ms. Nothing else is recorded, which keeps the overhead low.
 */
public final class JfrSettings {
    private JfrSettings() {}

    public static String jfc(int periodMillis, boolean cpuSamples, int allocationRate) {
        return String.format(Locale.ROOT, """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0" label="jhpc profile" description="jhpc profile: samples, allocations, heap">
                  <event name="jdk.ExecutionSample">
                    <setting name="enabled">true</setting>
                    <setting name="period">%1$d ms</setting>
                  </event>
                  <event name="jdk.CPUTimeSample">
                    <setting name="enabled">%2$s</setting>
                    <setting name="throttle">%1$dms</setting>
                    <setting name="stackTrace">true</setting>
                  </event>
                  <event name="jdk.CPUTimeSamplesLost">
                    <setting name="enabled">%2$s</setting>
                  </event>
                  <event name="jdk.ObjectAllocationInNewTLAB">
                    <setting name="enabled">%3$s</setting>
                    <setting name="stackTrace">true</setting>
                  </event>
                  <event name="jdk.ObjectAllocationOutsideTLAB">
                    <setting name="enabled">%3$s</setting>
                    <setting name="stackTrace">true</setting>
                  </event>
                  <event name="jdk.ObjectAllocationSample">
                    <setting name="enabled">%3$s</setting>
                    <setting name="throttle">%4$d/s</setting>
                    <setting name="stackTrace">true</setting>
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
                """, periodMillis, cpuSamples, allocationRate > 0, Math.max(1, allocationRate));
    }

    /** Writes the settings to {@code dir/jhpc-profile.jfc} and returns its path. */
    public static Path write(Path dir, int periodMillis, boolean cpuSamples, int allocationRate) throws IOException {
        Path f = dir.resolve("jhpc-profile.jfc");
        Files.writeString(f, jfc(periodMillis, cpuSamples, allocationRate));
        return f;
    }
}
