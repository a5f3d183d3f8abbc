package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known answer for wall time (issue 16, item 5): {@link org.jhpc.profiler.workloads.SleepPhase} computes, then
 * sleeps, 40 times, and measures both phases itself. In --mode wall, pause()'s share of the main thread's wall
 * time must match the measured share within 5 points: with samples every 2 ms over 2.5 s or more, about 1,200
 * samples, a standard error near 1.2 points; each sample weighs the time since the previous tick, so a sampler
 * delayed by a loaded machine does not bias the split. CPU samples of the same run would show no sleep at all.
 */
class WallModeTest {
    static final String P = "org.jhpc.profiler.workloads.SleepPhase.";

    @TempDir
    Path dir;

    @Test
    void aSleepPhaseGetsItsShareOfWallTime() {
        Path stdout = dir.resolve("out.txt");
        ProfileOptions o = ProfileOptions.defaults().withSamples(SampleKind.WALL)
                .withSampling(2, ProfileOptions.DEFAULT_STACK_DEPTH, ProfileOptions.DEFAULT_HEAP_INTERVAL);
        Profiler.Run run = Workloads.run(o, Workloads.target("SleepPhase", "40", "45000000", "15"), stdout);
        Matcher m = Pattern.compile("compute_ns=(\\d+) pause_ns=(\\d+)").matcher(Workloads.read(stdout));
        assertTrue(m.find(), Workloads.read(stdout));
        double measured = Double.parseDouble(m.group(2)) / (Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2)));
        ProfileData main = new ProfileData(run.data().recording(), SampleKind.WALL, null,
                new StackFilter(List.of(P + "main"), List.of()));
        long pause = main.method(P + "pause").total();
        long compute = main.method(P + "compute").total();
        assertTrue(main.timeSamples().size() >= 500, "wall samples: " + main.timeSamples().size());
        assertEquals(measured, (double) pause / (pause + compute), 0.05, "pause " + pause + " compute " + compute
                + " ms; measured share " + measured);
        assertTrue(run.data().threads().stream().anyMatch(e -> e.getKey().equals("main")), run.data().threads().toString());
    }
}
