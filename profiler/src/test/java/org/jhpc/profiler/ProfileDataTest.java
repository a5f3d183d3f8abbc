package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The accounting rules, on hand-made stacks whose answers are counted by hand. */
class ProfileDataTest {
    static Frame f(String m, int line) {
        return new Frame(m, line);
    }

    static StackSample s(long w, Frame... frames) {
        return new StackSample(frames, w);
    }

    // main:10 -> a:20 -> b:30 (x2); main:11 -> b:31; main:10 -> a:21 -> a:22 (recursion); main:12 -> java.util.X.y:5
    static final List<StackSample> TIME = List.of(
            s(1, f("p.C.b", 30), f("p.C.a", 20), f("p.C.main", 10)),
            s(1, f("p.C.b", 30), f("p.C.a", 20), f("p.C.main", 10)),
            s(1, f("p.C.b", 31), f("p.C.main", 11)),
            s(1, f("p.C.a", 22), f("p.C.a", 21), f("p.C.main", 10)),
            s(1, f("java.util.X.y", 5), f("p.C.main", 12)));

    static ProfileData data() {
        List<StackSample> alloc = List.of(
                s(100, f("java.util.Arrays.copyOf", 1), f("p.C.b", 31), f("p.C.main", 11)),
                s(50, f("p.C.b", 31), f("p.C.main", 11)),
                s(7, f("p.C.a", 20), f("p.C.main", 10)));
        return new ProfileData(new Recording(TIME, List.of(), alloc, List.of(), 1.0, 0), SampleKind.EXECUTION, null);
    }

    @Test
    void selfAndTotalCountEachSampleOncePerMethod() {
        ProfileData d = data();
        assertEquals(5, d.samples());
        assertEquals(new MethodStat("p.C.main", 0, 5, -1), d.method("p.C.main"));
        assertEquals(new MethodStat("p.C.a", 1, 3, -1), d.method("p.C.a"), "recursion counts once in total");
        assertEquals(new MethodStat("p.C.b", 3, 3, -1), d.method("p.C.b"));
        assertEquals(List.of("p.C.main", "p.C.a", "p.C.b", "java.util.X.y"),
                d.methods(SortKey.CUMULATIVE).stream().map(MethodStat::method).toList());
        assertEquals("p.C.b", d.methods(SortKey.SELF).getFirst().method());
    }

    @Test
    void linesTakeTheInnermostFrameOfTheMethod() {
        ProfileData d = data();
        assertEquals(Map.of(10, 3L, 11, 1L, 12, 1L), d.lineSamples("p.C.main"));
        assertEquals(Map.of(20, 2L, 22, 1L), d.lineSamples("p.C.a"));
    }

    @Test
    void hottestChargesJdkTimeToTheCaller() {
        assertEquals(List.of("p.C.b", "p.C.a", "p.C.main"), data().hottest(5), "ties in name order");
    }

    @Test
    void allocationsGoToTheInnermostFrameOutsideTheJdk() {
        ProfileData d = data();
        AllocStat b = d.allocationsByLine().getFirst();
        assertEquals(List.of("p.C.b", 31, 150L, 2L, -1L), List.of(b.method(), b.line(), b.bytes(), b.samples(),
                b.exactBytes()));
        assertEquals(Math.sqrt(100 * 100 + 50 * 50), b.stderr(), 1e-9, "sizes unknown (0): each term is w^2");
        AllocStat a = d.allocationsByMethod().get(1);
        assertEquals(List.of("p.C.a", -1, 7L, 1L), List.of(a.method(), a.line(), a.bytes(), a.samples()));
        assertEquals(157, d.allocatedBytes());
    }

    @Test
    void sharesAreScaledToTheExactTotalWithTheRatioEstimatorsError() {
        // weights 300 (an object of 100 bytes kept with probability 1/3) and 100 (kept surely), exact total 8000
        List<StackSample> alloc = List.of(new StackSample(new Frame[] {f("p.C.a", 1)}, 300, 100, "main"),
                new StackSample(new Frame[] {f("p.C.b", 2)}, 100, 100, "main"));
        Recording r = new Recording(TIME, List.of(), List.of(), alloc, true, 8000, List.of(), 1.0, 0, 0, 2048);
        ProfileData d = new ProfileData(r, SampleKind.EXECUTION, null);
        AllocStat a = d.allocationsByLine().getFirst();
        assertEquals(6000, a.bytes(), "3/4 of 8000");
        // variance of the share: 300*200*(1/4)^2 + 100*0*(3/4)^2 = 3750, scaled by 8000/400
        assertEquals(Math.sqrt(3750) * 20, a.stderr(), 1e-9);
        assertEquals(2000, d.allocationsByLine().get(1).bytes());
        assertEquals(8000, d.allocatedBytes());
    }

    @Test
    void includeKeepsStacksThroughAPrefixAndExcludeDropsThem() {
        ProfileData in = new ProfileData(data().recording(), SampleKind.EXECUTION, null,
                new StackFilter(List.of("p.C.a"), List.of()));
        assertEquals(3, in.samples(), "the samples with p.C.a on the stack");
        ProfileData out = new ProfileData(data().recording(), SampleKind.EXECUTION, null,
                new StackFilter(List.of(), List.of("java.util")));
        assertEquals(4, out.samples());
        ProfileData cls = new ProfileData(data().recording(), SampleKind.EXECUTION, null,
                new StackFilter(List.of("p.C"), List.of("p.C.b")));
        assertEquals(2, cls.samples(), "a class prefix matches its methods, not p.Cx");
        assertEquals(0, new StackFilter(List.of("p.Cx"), List.of()).apply(TIME).size());
    }

    @Test
    void wallSamplesCountTheMillisecondsTheyStandFor() {
        List<StackSample> wall = List.of(new StackSample(new Frame[] {f("p.C.sleep", 1)}, 30_000_000, 0, "main"),
                new StackSample(new Frame[] {f("p.C.work", 2)}, 10_000_000, 0, "main"),
                new StackSample(new Frame[] {f("p.C.work", 2)}, 400_000, 0, "worker"));
        Recording r = new Recording(List.of(), List.of(), wall, List.of(), true, -1, List.of(), 1.0, 0, 0, 2048);
        ProfileData d = new ProfileData(r, SampleKind.WALL, null);
        assertEquals(41, d.samples(), "30 + 10 ms, and at least 1 for a short tick");
        assertEquals(30, d.method("p.C.sleep").total());
        double p = 30.0 / 41;
        assertEquals(100 * Math.sqrt(p * (1 - p) / 3), d.errorPercent(30, 41), 1e-9, "the error counts samples, not ms");
        assertEquals(List.of(java.util.Map.entry("main", 40L), java.util.Map.entry("worker", 1L)), d.threads());
    }

    @Test
    void matchingAcceptsFullOrTrailingNames() {
        ProfileData d = data();
        assertEquals(List.of("p.C.a"), d.matching("a"));
        assertEquals(List.of("p.C.a"), d.matching("C.a"));
        assertEquals(List.of("p.C.a"), d.matching("p.C.a"));
        assertEquals(List.of(), d.matching(".a"));
        assertEquals(List.of(), d.matching("C"));
    }

    @Test
    void binomialStandardError() {
        assertEquals(100 * Math.sqrt(0.25 * 0.75 / 400), ProfileData.stderrPercent(100, 400), 1e-12);
        assertEquals(0.0, ProfileData.stderrPercent(0, 0));
        assertEquals(0.0, ProfileData.stderrPercent(7, 7));
    }

    @Test
    void collapsedStacksRunFromRootToLeaf() {
        String folded = CollapsedStacks.collapsed(TIME);
        assertEquals("""
                p.C.main;java.util.X.y 1
                p.C.main;p.C.a;p.C.a 1
                p.C.main;p.C.a;p.C.b 2
                p.C.main;p.C.b 1
                """, folded);
    }
}
