package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jhpc.profiler.workloads.TimeSplit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known answers for {@code --exact}: with R rounds of n, heavy and light are called R times each, the
 * {@code @Profile} method twoLines R times, its first loop body runs 3nR times and its second nR times.
 */
class ExactTimeSplitTest {
    static final String P = "org.jhpc.profiler.workloads.TimeSplit.";
    static final int ROUNDS = 7;
    static final long N = 100_003;

    @TempDir
    static Path dir;
    static Profiler.Run run;

    @BeforeAll
    static void profile() {
        ProfileOptions o = ProfileOptions.defaults().withMethods(List.of("TimeSplit.heavy", "light")).withExact(true);
        run = Workloads.run(o, Workloads.target("TimeSplit", Integer.toString(ROUNDS), Long.toString(N)),
                dir.resolve("out.txt"));
    }

    @Test
    void callsAreCounted() {
        ExactCounts e = run.data().exact();
        assertEquals(ROUNDS, e.calls(P + "heavy"));
        assertEquals(ROUNDS, e.calls(P + "light"));
        assertEquals(ROUNDS, e.calls(P + "twoLines"), "annotated with @Profile");
        assertEquals(-1, e.calls(P + "spin"), "neither named nor annotated");
        assertEquals(ROUNDS, run.data().method(P + "heavy").calls());
    }

    @Test
    void lineHitsAreCounted() {
        Map<Integer, Long> hits = run.data().exact().hits(P + "twoLines");
        assertEquals(3 * N * ROUNDS, hits.get(TimeSplit.LOOP_A_FIRST + 1));
        assertEquals(N * ROUNDS, hits.get(TimeSplit.LOOP_B_FIRST + 1));
        assertEquals((long) ROUNDS, hits.get(TimeSplit.LOOP_B_LAST + 1), "the return line");
    }

    @Test
    void lineReportHasTheNamedAndAnnotatedMethodsWithHits() {
        List<String> names = run.lines().stream().map(MethodLines::method).toList();
        assertEquals(List.of(P + "heavy", P + "light", P + "twoLines"), names);
        LineStat body = run.lines().get(2).lines().stream().filter(l -> l.line() == TimeSplit.LOOP_A_FIRST + 1)
                .findFirst().orElseThrow();
        assertEquals(3 * N * ROUNDS, body.hits());
    }

    @Test
    void jsonHasTheExactCounts() throws Exception {
        Path json = dir.resolve("exact.json");
        JsonReport.write(json, run.data(), run.lines());
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        long heavyCalls = -2;
        for (com.fasterxml.jackson.databind.JsonNode m : j.get("methods")) {
            if (m.get("method").asText().equals(P + "heavy")) heavyCalls = m.get("calls").asLong();
        }
        assertEquals(ROUNDS, heavyCalls);
        long hits = -2;
        for (com.fasterxml.jackson.databind.JsonNode l : j.get("lines")) {
            if (l.get("method").asText().equals(P + "twoLines") && l.get("line").asInt() == TimeSplit.LOOP_A_FIRST + 1) {
                hits = l.get("hits").asLong();
            }
        }
        assertEquals(3 * N * ROUNDS, hits, "line hits in the JSON");
    }

    @Test
    void agentFramesAreNotInTheProfile() {
        for (StackSample s : run.data().timeSamples()) {
            for (Frame f : s.frames()) assertTrue(!f.method().startsWith("org.jhpc.profiler.agent."), f.toString());
        }
    }
}
