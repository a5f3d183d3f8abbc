package org.jhpc.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's small parts: deadlines that kill, statistics, extrapolation, JMH's JSON, the programs' lines. */
class HarnessPartsTest {
    @Test
    void aRunPastItsDeadlineIsKilledWithItsChildren() {
        // a shell that starts a grandchild which would outlive it: both must be gone when run() returns
        Proc.Outcome o = Proc.run(Invocation.of(List.of("sh", "-c", "sleep 300 & echo started; wait")), null, Duration.ofSeconds(2));
        assertTrue(o.timedOut(), o.toString());
        assertFalse(o.ok());
        assertTrue(o.failure().startsWith("killed after"), o.failure());
        assertTrue(o.out().contains("started"), o.out());
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").equals("sleep 300")
                && p.parent().map(pp -> pp.pid() == ProcessHandle.current().pid()).orElse(false)));
    }

    @Test
    void aFailedRunSaysItsLastLine() {
        Proc.Outcome o = Proc.run(Invocation.of(List.of("sh", "-c", "echo one >&2; echo two >&2; exit 3")), null, Duration.ofSeconds(30));
        assertEquals(3, o.exit());
        assertEquals("exit 3: two", o.failure());
    }

    @Test
    void medianRangeAndSpreadIgnoreFailedRuns() {
        List<Double> xs = List.of(3.0, 1.0, Double.NaN, 2.0, 10.0);
        assertEquals(2.5, Stats.median(xs));
        assertEquals(1.0, Stats.min(xs));
        assertEquals(10.0, Stats.max(xs));
        assertEquals(9.0 / 2.5, Stats.spread(xs), 1e-15);
        assertTrue(Double.isNaN(Stats.median(List.of(Double.NaN))));
    }

    @Test
    void extrapolationIsTheLineThroughTwoRuns() {
        // 0.1 s start-up plus 2 s per unit of work
        assertEquals(0.1 + 2 * 100, Harness.extrapolate(1, 2.1, 3, 6.1, 100), 1e-9);
        // noise made the second run faster: scaled in proportion to the second run instead of a negative slope
        assertEquals(2.0 * 100 / 3, Harness.extrapolate(1, 2.5, 3, 2.0, 100), 1e-9);
    }

    @Test
    void jmhJsonGivesSecondsPerOperation() {
        String json = "[{\"primaryMetric\" : {\"score\" : 2.0, \"scoreUnit\" : \"ms/op\", \"rawData\" : [ [ 1.5, 2.5, 2.0 ] ]}}]";
        assertEquals(List.of(1.5e-3, 2.5e-3, 2.0e-3), Jmh.seconds(json));
        assertEquals(List.of(), Jmh.seconds("{}"));
    }

    @Test
    void computeSecondsAndAreaAreReadFromWhatProgramsPrint() {
        Proc.Outcome o = new Proc.Outcome(0, "The area is 8.1749999550000002\n", "kernel=simd x\ncompute_seconds=0.25\n", 1, false);
        assertEquals(0.25, Parse.computeSeconds(o));
        assertEquals(8.1749999550000002, Parse.area(o.out()));
        Proc.Outcome p = new Proc.Outcome(0, "latency_us=0.5000\nbandwidth_gbs=9.9\n", "", 1, false);
        assertEquals(0.5e-6, Parse.computeSeconds(p), 1e-18);
    }

    @Test
    void diff2dGridCasesTakeExactlyTheirSteps() {
        for (long n : new long[] {16, 64, 4096}) {
            Case c = Diff2dWorkload.grid(n, 7, true);
            double dx = Double.parseDouble(c.args().get(7).substring(3));
            double runtime = Double.parseDouble(c.args().get(9).substring(8));
            assertEquals(n, (long) ((10.0 - -10.0) / dx));
            assertEquals(7, Diff2dWorkload.steps(20.0 / n, runtime));
            assertEquals((double) n * n * 7, c.work());
        }
        assertEquals(5999, Diff2dWorkload.slidesDefault().steps());
    }

    @Test
    void cacheSizesParseAsSysfsWritesThem() {
        assertEquals(32 * 1024, Machine.parseSize("32K"));
        assertEquals(32L << 20, Machine.parseSize("32768K"));
        assertEquals(2L << 20, Machine.parseSize("2M"));
    }
}
