package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jhpc.profiler.workloads.PoolSplit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known answer for threads (issue 16, item 4): {@link PoolSplit} splits 2:1 over 8 threads running at once, the
 * light ones finishing first. CPU-time samples (one per 1 ms of each thread's CPU) must give heavy 2/3 within 5
 * points: the run has about 3 s of CPU, so some 3,000 samples, a standard error under 1 point (the JVM may drop
 * samples under load, but at random, which does not bias the share). Every thread must be sampled.
 */
class ThreadSplitTest {
    static final String P = "org.jhpc.profiler.workloads.PoolSplit.";

    @TempDir
    Path dir;

    @Test
    void twoToOneOverEightThreads() {
        Assumptions.assumeTrue(ProfileOptions.cpuTimeSamplerAvailable(),
                "SKIPPED LOUDLY: jdk.CPUTimeSample needs JDK 25 on Linux; this is " + Runtime.version());
        Profiler.Run run = Workloads.run(ProfileOptions.defaults(), Workloads.target("PoolSplit", "25", "10000000"),
                dir.resolve("out.txt"));
        ProfileData d = run.data();
        assertEquals(SampleKind.CPU, d.kind());
        long heavy = d.method(P + "heavy").total();
        long light = d.method(P + "light").total();
        assertTrue(heavy + light >= 1000, "samples " + heavy + " + " + light);
        assertEquals(2.0 / 3, (double) heavy / (heavy + light), 0.05, "heavy " + heavy + " light " + light);
        long pool = d.threads().stream().filter(e -> e.getKey().startsWith("pool-")).count();
        assertEquals(PoolSplit.THREADS, pool, "every pool thread sampled: " + d.threads());
    }
}
