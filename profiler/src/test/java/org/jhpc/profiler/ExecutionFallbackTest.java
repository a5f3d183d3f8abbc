package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.jhpc.core.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fallback where JFR's CPU-time sampler (JDK 25, Linux) is missing: {@code --samples auto} then records
 * jdk.ExecutionSample. The choice is {@link ProfileOptions#cpuTimeSamplerAvailable}; {@code -Djhpc.profile.cputime=off}
 * makes it say no, as it would on another JVM. The known answer of {@link TimeSplitProfileTest} must hold on the
 * execution samples: heavy() 75% of heavy+light within 15 points, from 300 or more samples (single-threaded, the
 * execution sampler gives about one per ms of the loop's run, also on a loaded machine: binomial error ~2.5 points).
 */
class ExecutionFallbackTest {
    @TempDir
    Path dir;

    @Test
    void withoutTheCpuTimeSamplerAutoUsesExecutionSamplesAndGetsTheSplit() {
        String key = Config.PROFILE_CPUTIME.property();
        String before = System.getProperty(key);
        Profiler.Run run;
        try {
            System.setProperty(key, "off");
            assertFalse(ProfileOptions.cpuTimeSamplerAvailable());
            ProfileOptions o = ProfileOptions.defaults();
            assertTrue(o.recordsExecution() && !o.recordsCpu());
            run = Workloads.run(o, Workloads.target("TimeSplit", "100", "2000000"), dir.resolve("out.txt"));
        } finally {
            if (before == null) System.clearProperty(key); else System.setProperty(key, before);
        }
        Recording rec = run.data().recording();
        assertEquals(SampleKind.EXECUTION, run.data().kind());
        assertEquals(0, rec.cpuSamples().size(), "no CPU-time samples were asked for");
        assertTrue(run.data().samples() >= 300, "execution samples: " + run.data().samples());
        long heavy = run.data().method(TimeSplitProfileTest.P + "heavy").total();
        long light = run.data().method(TimeSplitProfileTest.P + "light").total();
        assertEquals(0.75, (double) heavy / (heavy + light), TimeSplitProfileTest.TOLERANCE,
                "heavy " + heavy + " light " + light);
        StringWriter sw = new StringWriter();
        Profiler.report(run, ProfileOptions.defaults(), new PrintWriter(sw));
        assertTrue(sw.toString().contains(" execution samples (every 1 ms"), sw.toString());
    }
}
