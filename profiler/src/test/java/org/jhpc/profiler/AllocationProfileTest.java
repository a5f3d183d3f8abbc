package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jhpc.profiler.workloads.Allocations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known answers for memory: {@link Allocations} allocates B arrays of 768 bytes on one line and S arrays of 256
 * bytes on another (it prints B and S), about 1 GB in all, under {@code --exact}. The sampled estimate per line must
 * be within 15% of B*768 and S*256 (about a thousand TLAB events: their statistical error is a few percent), the
 * exact agent's counts must be exact: B and S line hits, one call, array bytes between the data size and data
 * plus a 16-byte header per array, and (B+S)/8 objects of one size between 24 and 40 bytes (two longs, a header).
 */
class AllocationProfileTest {
    static final String MAIN = "org.jhpc.profiler.workloads.Allocations.main";

    @TempDir
    static Path dir;
    static Profiler.Run run;
    static long big;
    static long small;

    @BeforeAll
    static void profile() {
        Path stdout = dir.resolve("out.txt");
        ProfileOptions o = ProfileOptions.defaults().withMethods(List.of("Allocations.main")).withExact(true);
        run = Workloads.run(o, Workloads.target("Allocations", "5000000"), stdout);
        assertNotNull(run.data());
        Matcher m = Pattern.compile("big=(\\d+) small=(\\d+)").matcher(Workloads.read(stdout));
        assertTrue(m.find(), "the workload printed its counts");
        big = Long.parseLong(m.group(1));
        small = Long.parseLong(m.group(2));
    }

    private static AllocStat line(int line) {
        return run.data().allocationsByLine().stream().filter(a -> a.method().equals(MAIN) && a.line() == line)
                .findFirst().orElseThrow(() -> new AssertionError("no allocations on line " + line));
    }

    @Test
    void sampledBytesPerLineMatchTheKnownCounts() {
        AllocStat b = line(Allocations.BIG_LINE);
        AllocStat s = line(Allocations.SMALL_LINE);
        double expectBig = big * (Allocations.BIG_DATA_BYTES + 16);
        double expectSmall = small * (Allocations.SMALL_DATA_BYTES + 16);
        assertEquals(1.0, b.bytes() / expectBig, 0.15, "big line: " + b + " expected " + expectBig);
        assertEquals(1.0, s.bytes() / expectSmall, 0.15, "small line: " + s + " expected " + expectSmall);
        assertTrue(b.samples() >= 100 && s.samples() >= 30, "sample counts " + b.samples() + ", " + s.samples());
    }

    @Test
    void exactCountsAreExact() {
        ExactCounts e = run.data().exact();
        assertEquals(1, e.calls(MAIN));
        assertEquals(big, e.hits(MAIN).get(Allocations.BIG_LINE));
        assertEquals(small, e.hits(MAIN).get(Allocations.SMALL_LINE));
        long eb = e.allocatedBytes(MAIN, Allocations.BIG_LINE);
        long es = e.allocatedBytes(MAIN, Allocations.SMALL_LINE);
        assertTrue(eb >= big * Allocations.BIG_DATA_BYTES && eb <= big * (Allocations.BIG_DATA_BYTES + 16), "" + eb);
        assertTrue(es >= small * Allocations.SMALL_DATA_BYTES && es <= small * (Allocations.SMALL_DATA_BYTES + 16),
                "" + es);
        long objects = (big + small) / 8;
        long eo = e.allocatedBytes(MAIN, Allocations.OBJECT_LINE);
        assertEquals(objects, e.hits(MAIN).get(Allocations.OBJECT_LINE));
        assertEquals(0, eo % objects, "one size per object: " + eo);
        assertTrue(eo / objects >= 24 && eo / objects <= 40, "two longs and a header: " + eo / objects);
        assertEquals(eb + es + eo, e.allocatedBytes(MAIN));
    }

    @Test
    void noNegativeNumbersAnywhere() {
        for (AllocStat a : run.data().allocationsByLine()) assertTrue(a.bytes() >= 0 && a.samples() >= 0, a.toString());
        for (AllocStat a : run.data().allocationsByMethod()) assertTrue(a.bytes() >= 0, a.toString());
    }

    @Test
    void heapWasTracedThroughCollections() {
        List<HeapPoint> heap = run.data().recording().heap();
        assertTrue(heap.stream().anyMatch(p -> p.kind() == HeapPoint.Kind.AFTER_GC), "a GB of garbage needs a GC");
        assertTrue(heap.stream().anyMatch(p -> p.kind() == HeapPoint.Kind.PERIODIC));
        long peak = heap.stream().mapToLong(HeapPoint::used).max().orElseThrow();
        assertTrue(peak > 0 && peak < 1L << 40);
        for (HeapPoint p : heap) assertTrue(p.used() >= 0);
    }

    @Test
    void theMethodIsInTheLineReportWithHits() {
        MethodLines m = run.lines().stream().filter(x -> x.method().equals(MAIN)).findFirst().orElseThrow();
        LineStat l = m.lines().stream().filter(x -> x.line() == Allocations.BIG_LINE).findFirst().orElseThrow();
        assertEquals(big, l.hits());
        assertEquals("                RING[i & 63] = new long[94];", l.source());
    }
}
