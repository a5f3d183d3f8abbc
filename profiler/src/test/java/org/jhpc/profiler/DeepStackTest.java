package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known answer for deep stacks (issue 16, item 2): {@link org.jhpc.profiler.workloads.DeepRecursion} spends half
 * its work at the bottom of a 2,000-frame recursion. With the default stack depth (2048) deep() must get 50% of
 * deep+flat (±10 points: 60 rounds give about 1,400 samples on an idle machine, a standard error under 2 points; 20 rounds gave only 467) and no stack is truncated;
 * with --stack-depth 256 the report must say that stacks were truncated.
 */
class DeepStackTest {
    static final String P = "org.jhpc.profiler.workloads.DeepRecursion.";

    @TempDir
    Path dir;

    @Test
    void aTwoThousandFrameRecursionIsRecordedWhole() {
        Profiler.Run run = Workloads.run(ProfileOptions.defaults(), Workloads.target("DeepRecursion", "60", "30000000",
                "2000"), dir.resolve("out.txt"));
        assertNotNull(run.data());
        long deep = run.data().method(P + "deep").total();
        long flat = run.data().method(P + "flat").total();
        assertTrue(deep + flat >= 500, "samples " + deep + " + " + flat);
        assertEquals(0.5, (double) deep / (deep + flat), 0.10, "deep " + deep + " flat " + flat);
        assertEquals(0, run.data().recording().truncated());
    }

    @Test
    void truncatedStacksAreReported() {
        ProfileOptions o = ProfileOptions.defaults().withSampling(1, 256, ProfileOptions.DEFAULT_HEAP_INTERVAL);
        Profiler.Run run = Workloads.run(o, Workloads.target("DeepRecursion", "20", "30000000", "2000"),
                dir.resolve("out.txt"));
        assertTrue(run.data().recording().truncated() > 50, "truncated: " + run.data().recording().truncated());
        StringWriter w = new StringWriter();
        Profiler.report(run, o, new PrintWriter(w));
        assertTrue(w.toString().contains("deeper than 256 frames and were truncated"), w.toString());
    }
}
