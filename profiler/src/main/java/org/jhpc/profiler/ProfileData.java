package org.jhpc.profiler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The numbers behind every report, computed from one recording: time per method and per line from the chosen time
 * samples, bytes per method and per line from the allocation samples, each merged with the exact counts of
 * {@code --exact} when there are some. Time and allocations are charged as follows: a method's self time is the
 * samples whose innermost frame it is; its total time the samples with it anywhere on the stack; a line's time the
 * samples in which it is the method's innermost current line; an allocation goes to the innermost frame outside
 * the JDK (so {@code new ArrayList} growing its array is charged to the line that called {@code add}).
 */
public final class ProfileData {
    private final Recording recording;
    private final SampleKind kind;
    private final List<StackSample> time;
    private final ExactCounts exact;
    private final Map<String, MethodStat> methods = new HashMap<>();

    public ProfileData(Recording recording, SampleKind kind, ExactCounts exact) {
        this.recording = recording;
        this.kind = kind;
        this.time = recording.timeSamples(kind);
        this.exact = exact == null ? ExactCounts.NONE : exact;
        Map<String, long[]> counts = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (StackSample s : time) {
            counts.computeIfAbsent(s.frames()[0].method(), k -> new long[2])[0]++;
            seen.clear();
            for (Frame f : s.frames()) {
                if (seen.add(f.method())) counts.computeIfAbsent(f.method(), k -> new long[2])[1]++;
            }
        }
        counts.forEach((m, c) -> methods.put(m, new MethodStat(m, c[0], c[1], this.exact.calls(m))));
        for (String m : this.exact.methods()) {
            methods.putIfAbsent(m, new MethodStat(m, 0, 0, this.exact.calls(m)));
        }
    }

    public Recording recording() {
        return recording;
    }

    public SampleKind kind() {
        return kind;
    }

    public ExactCounts exact() {
        return exact;
    }

    /** Number of time samples: the denominator of every time fraction. */
    public long samples() {
        return time.size();
    }

    public List<StackSample> timeSamples() {
        return time;
    }

    public MethodStat method(String name) {
        return methods.getOrDefault(name, new MethodStat(name, 0, 0, exact.calls(name)));
    }

    /** All methods, in the given order (ties broken by name). */
    public List<MethodStat> methods(SortKey sort) {
        List<MethodStat> out = new ArrayList<>(methods.values());
        out.sort(sort.comparator().thenComparing(MethodStat::method));
        return out;
    }

    /** Methods whose full name equals {@code pattern} or ends with {@code "." + pattern}. */
    public List<String> matching(String pattern) {
        List<String> out = new ArrayList<>();
        for (String m : methods.keySet()) {
            if (matches(m, pattern)) out.add(m);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    static boolean matches(String method, String pattern) {
        return method.equals(pattern) || method.endsWith("." + pattern);
    }

    /**
     * The {@code k} methods outside the JDK where most time was spent: each sample charged to its innermost frame
     * outside the JDK.
     */
    public List<String> hottest(int k) {
        Map<String, Long> c = new HashMap<>();
        for (StackSample s : time) c.merge(s.userFrame().method(), 1L, Long::sum);
        return c.entrySet().stream()
                .filter(e -> !Frame.isJdkClass(e.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(k).map(Map.Entry::getKey).toList();
    }

    /** Samples per line of {@code method} (line -> samples), lines in order. */
    public TreeMap<Integer, Long> lineSamples(String method) {
        TreeMap<Integer, Long> out = new TreeMap<>();
        for (StackSample s : time) {
            for (Frame f : s.frames()) {
                if (f.method().equals(method)) {
                    out.merge(f.line(), 1L, Long::sum);
                    break;
                }
            }
        }
        return out;
    }

    /** Estimated bytes and sample counts per method, largest first. */
    public List<AllocStat> allocationsByMethod() {
        Map<String, long[]> c = new LinkedHashMap<>();
        for (StackSample s : recording.allocationSamples()) {
            long[] v = c.computeIfAbsent(s.userFrame().method(), k -> new long[2]);
            v[0] += s.weight();
            v[1]++;
        }
        List<AllocStat> out = new ArrayList<>();
        c.forEach((m, v) -> out.add(new AllocStat(m, -1, v[0], v[1], exact.allocatedBytes(m))));
        for (String m : exact.allocatingMethods()) {
            if (!c.containsKey(m)) out.add(new AllocStat(m, -1, 0, 0, exact.allocatedBytes(m)));
        }
        out.sort(BY_BYTES);
        return out;
    }

    /** Estimated bytes and sample counts per line, largest first. */
    public List<AllocStat> allocationsByLine() {
        Map<Frame, long[]> c = new LinkedHashMap<>();
        for (StackSample s : recording.allocationSamples()) {
            long[] v = c.computeIfAbsent(s.userFrame(), k -> new long[2]);
            v[0] += s.weight();
            v[1]++;
        }
        List<AllocStat> out = new ArrayList<>();
        c.forEach((f, v) -> out.add(new AllocStat(f.method(), f.line(), v[0], v[1],
                exact.allocatedBytes(f.method(), f.line()))));
        for (Frame f : exact.allocatingLines()) {
            if (!c.containsKey(f)) out.add(new AllocStat(f.method(), f.line(), 0, 0,
                    exact.allocatedBytes(f.method(), f.line())));
        }
        out.sort(BY_BYTES);
        return out;
    }

    private static final Comparator<AllocStat> BY_BYTES = Comparator
            .comparingLong((AllocStat a) -> -Math.max(a.bytes(), a.exactBytes()))
            .thenComparing(AllocStat::method).thenComparingInt(AllocStat::line);

    /** Total estimated bytes allocated. */
    public long allocatedBytes() {
        long b = 0;
        for (StackSample s : recording.allocationSamples()) b += s.weight();
        return b;
    }

    /** A binomial standard error in percentage points: {@code 100 sqrt(p(1-p)/n)} for {@code k} of {@code n}. */
    public static double stderrPercent(long k, long n) {
        if (n <= 0) return 0;
        double p = (double) k / n;
        return 100 * Math.sqrt(p * (1 - p) / n);
    }
}
