package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;
import org.jhpc.profiler.workloads.TimeSplit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known answers for time: {@link TimeSplit} spends 3 units in heavy() for each unit in light(), and 3 units on
 * twoLines()' first loop for each on its second. The profile must find each 75% share within ±15 percentage
 * points (with ~1000 samples the binomial standard error is below 2 points; the rest of the margin is for JIT
 * and scheduling noise). One profiled run of about two seconds serves all the tests here (the CPU-time sampler, the default, delivers
 * fewer samples per ms than its period on this kind of VM, so the run is long enough for 300 samples or more).
 */
class TimeSplitProfileTest {
    static final String P = "org.jhpc.profiler.workloads.TimeSplit.";
    static final double TOLERANCE = 0.15;

    @TempDir
    static Path dir;
    static Profiler.Run run;
    static Path json;
    static Path collapsed;
    static Path jfr;
    static Path stdout;

    @BeforeAll
    static void profile() {
        json = dir.resolve("p.json");
        collapsed = dir.resolve("p.folded");
        jfr = dir.resolve("p.jfr");
        stdout = dir.resolve("stdout.txt");
        ProfileOptions o = ProfileOptions.defaults().withOutputs(json, jfr, collapsed);
        run = Workloads.run(o, Workloads.target("TimeSplit", "100", "2000000"), stdout);
        assertNotNull(run.data(), "the child left a recording");
        Profiler.writeFiles(run, o);
    }

    @Test
    void targetOutputAndExitCodePassThrough() {
        assertEquals(0, run.exitCode());
        assertEquals("checksum true\n", Workloads.read(stdout));
    }

    @Test
    void enoughSamples() {
        assertTrue(run.data().samples() >= 300, "samples: " + run.data().samples());
    }

    @Test
    void heavyGetsThreeQuartersOfHeavyPlusLight() {
        long heavy = run.data().method(P + "heavy").total();
        long light = run.data().method(P + "light").total();
        double share = (double) heavy / (heavy + light);
        assertEquals(0.75, share, TOLERANCE, "heavy " + heavy + " light " + light);
    }

    @Test
    void cpuTimeSamplesAgreeWhereTheJvmHasThem() {
        Recording rec = run.data().recording();
        Assumptions.assumeTrue(rec.cpuSamples().size() >= 100,
                "jdk.CPUTimeSample (JDK 25, Linux) gave " + rec.cpuSamples().size() + " samples");
        ProfileData cpu = new ProfileData(rec, SampleKind.CPU, null);
        long heavy = cpu.method(P + "heavy").total();
        long light = cpu.method(P + "light").total();
        assertEquals(0.75, (double) heavy / (heavy + light), TOLERANCE, "CPU samples: heavy " + heavy + " light " + light);
    }

    @Test
    void selfTimesPartitionTheSamplesAndCumulativeCoversThem() {
        ProfileData d = run.data();
        long self = d.methods(SortKey.SELF).stream().mapToLong(MethodStat::self).sum();
        assertEquals(d.samples(), self, "each sample has exactly one innermost method");
        MethodStat main = d.method(P + "main");
        assertTrue(main.total() >= 0.9 * d.samples(), "main is on nearly every stack: " + main);
        MethodStat spin = d.method(P + "spin");
        assertEquals(d.method(P + "heavy").total() + d.method(P + "light").total(), spin.total(), 0.05 * d.samples(),
                "spin's time is heavy's plus light's");
        List<MethodStat> cum = d.methods(SortKey.CUMULATIVE);
        for (int i = 1; i < cum.size(); i++) assertTrue(cum.get(i - 1).total() >= cum.get(i).total());
    }

    @Test
    void mainsCallLinesSplitThreeToOne() {
        MethodLines m = MethodLines.of(run.data(), P + "main", new ClassIndex(run.target().classpath()), run.sources());
        Map<Integer, Long> byLine = new TreeMap<>();
        for (LineStat l : m.lines()) byLine.put(l.line(), l.samples());
        long heavy = byLine.getOrDefault(TimeSplit.HEAVY_CALL_LINE, 0L);
        long light = byLine.getOrDefault(TimeSplit.LIGHT_CALL_LINE, 0L);
        assertEquals(0.75, (double) heavy / (heavy + light), TOLERANCE, byLine.toString());
        assertTrue(m.sourceFound());
        assertEquals("            sum += heavy(n);", text(m, TimeSplit.HEAVY_CALL_LINE));
    }

    @Test
    void annotatedMethodIsInTheLineReportWithItsLoopsSplitThreeToOne() {
        MethodLines two = run.lines().stream().filter(m -> m.method().equals(P + "twoLines")).findFirst().orElseThrow(
                () -> new AssertionError("@Profile twoLines not in the line report: " + run.lines()));
        assertEquals(1, run.lines().size(), "only the annotated method when none is named");
        long a = 0;
        long b = 0;
        for (LineStat l : two.lines()) {
            if (l.line() >= TimeSplit.LOOP_A_FIRST && l.line() <= TimeSplit.LOOP_A_LAST) a += l.samples();
            if (l.line() >= TimeSplit.LOOP_B_FIRST && l.line() <= TimeSplit.LOOP_B_LAST) b += l.samples();
        }
        assertTrue(a + b >= 0.9 * two.methodSamples(), "the loops hold the method's time");
        assertEquals(0.75, (double) a / (a + b), TOLERANCE, "loop A " + a + " loop B " + b);
        assertEquals("org/jhpc/profiler/workloads/TimeSplit.java", two.file());
        // the whole method is shown, from its declaration to its last line, including lines without samples
        assertEquals("    static long twoLines(long n) {", two.lines().getFirst().source());
        assertEquals("        return x + y;", two.lines().getLast().source());
    }

    @Test
    void jsonHasTheIssuesSchemaAndTheReportsNumbers() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> j = new ObjectMapper().readValue(Files.readString(json), LinkedHashMap.class);
        assertEquals(List.of("samples", "kind", "truncated", "methods", "lines", "allocations"), List.copyOf(j.keySet()));
        assertEquals(0, ((Number) j.get("truncated")).intValue());
        assertEquals(run.data().samples(), ((Number) j.get("samples")).longValue());
        double heavyTotal = -1;
        for (Object o : (List<?>) j.get("methods")) {
            Map<?, ?> m = (Map<?, ?>) o;
            assertEquals(List.of("method", "self", "total"), List.copyOf(m.keySet()));
            double self = ((Number) m.get("self")).doubleValue();
            double total = ((Number) m.get("total")).doubleValue();
            assertTrue(0 <= self && self <= total && total <= 1, m.toString());
            if (m.get("method").equals(P + "heavy")) heavyTotal = total;
        }
        assertEquals((double) run.data().method(P + "heavy").total() / run.data().samples(), heavyTotal, 1e-12);
        List<?> lines = (List<?>) j.get("lines");
        assertTrue(!lines.isEmpty());
        for (Object o : lines) {
            Map<?, ?> l = (Map<?, ?>) o;
            assertEquals(List.of("method", "file", "line", "fraction", "source"), List.copyOf(l.keySet()));
            assertEquals(P + "twoLines", l.get("method"));
            assertTrue(((Number) l.get("fraction")).doubleValue() > 0);
        }
        for (Object o : (List<?>) j.get("allocations")) {
            Map<?, ?> a = (Map<?, ?>) o;
            assertEquals(List.of("method", "line", "bytes", "stderr"), List.copyOf(a.keySet()));
            assertTrue(((Number) a.get("bytes")).longValue() >= 0);
        }
    }

    @Test
    void collapsedStacksCountEverySampleOnce() throws Exception {
        long sum = 0;
        boolean heavyStack = false;
        for (String line : Files.readAllLines(collapsed)) {
            int sp = line.lastIndexOf(' ');
            sum += Long.parseLong(line.substring(sp + 1));
            String stack = line.substring(0, sp);
            heavyStack |= stack.contains(P + "main;" + P + "heavy;" + P + "spin");
        }
        assertEquals(run.data().samples(), sum);
        assertTrue(heavyStack, "folded stacks run from main to spin");
    }

    @Test
    void keptRecordingReadsBackTheSame() {
        Recording again = JfrReader.read(jfr, ProfileOptions.DEFAULT_STACK_DEPTH);
        assertEquals(run.data().recording().cpuSamples().size(), again.cpuSamples().size());
        assertEquals(run.data().recording().executionSamples().size(), again.executionSamples().size());
    }

    @Test
    void loadOfTheSavedRecordingGivesTheSameProfile() {
        Profiler.Run loaded = Profiler.load(ProfileOptions.defaults().withSamples(run.data().kind()), jfr,
                run.target().classpath(), Workloads.config());
        assertEquals(run.data().samples(), loaded.data().samples());
        assertEquals(run.data().method(P + "heavy"), loaded.data().method(P + "heavy"));
        assertEquals(List.of(P + "twoLines"), loaded.lines().stream().map(MethodLines::method).toList(),
                "@Profile methods are found on the given classpath");
    }

    private static String text(MethodLines m, int line) {
        return m.lines().stream().filter(l -> l.line() == line).findFirst().orElseThrow().source();
    }
}
