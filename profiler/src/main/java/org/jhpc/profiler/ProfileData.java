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
 *
 * <p>A time sample counts 1, except a wall-clock sample, which counts the milliseconds since the sampler's previous
 * tick. Bytes per line: the allocation samples' weights are summed per line, and, where the recording has the
 * JVM's exact total, each line's share of the sampled sum is scaled to that total. The error of a line's estimate
 * comes from the sampling model: for a Horvitz-Thompson sum over objects kept with probability {@code pi}, the
 * variance is estimated by {@code sum w (w - size)} over the line's samples; for the share {@code R} of a line it
 * is {@code sum w (w - size) (1[line] - R)^2 / W^2}, W the sum of all weights.
 */
public final class ProfileData {
    private final Recording recording;
    private final SampleKind kind;
    private final List<StackSample> time;
    private final ExactCounts exact;
    private final Map<String, MethodStat> methods = new HashMap<>();

    private final List<StackSample> allocations;
    private final long totalTime;

    public ProfileData(Recording recording, SampleKind kind, ExactCounts exact) {
        this(recording, kind, exact, StackFilter.NONE);
    }

    public ProfileData(Recording recording, SampleKind kind, ExactCounts exact, StackFilter filter) {
        this.recording = recording;
        this.kind = kind;
        this.time = filter.apply(recording.timeSamples(kind));
        this.allocations = filter.apply(recording.allocationSamples());
        this.exact = exact == null ? ExactCounts.NONE : exact;
        Map<String, long[]> counts = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (StackSample s : time) {
            long w = weight(s);
            total += w;
            counts.computeIfAbsent(s.frames()[0].method(), k -> new long[2])[0] += w;
            seen.clear();
            for (Frame f : s.frames()) {
                if (seen.add(f.method())) counts.computeIfAbsent(f.method(), k -> new long[2])[1] += w;
            }
        }
        this.totalTime = total;
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

    /** What one time sample counts: 1, or for a wall-clock sample the milliseconds it stands for (at least 1). */
    long weight(StackSample s) {
        return kind == SampleKind.WALL ? Math.max(1, Math.round(s.weight() / 1e6)) : 1;
    }

    /** Sum of the time samples' counts: the denominator of every time fraction. */
    public long samples() {
        return totalTime;
    }

    /** The allocation samples after the filter. */
    public List<StackSample> allocationSamples() {
        return allocations;
    }

    /** Time per thread (thread name -> count), largest first. */
    public List<Map.Entry<String, Long>> threads() {
        Map<String, Long> c = new HashMap<>();
        for (StackSample s : time) c.merge(s.thread().isEmpty() ? "(unknown)" : s.thread(), weight(s), Long::sum);
        return c.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).toList();
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
        for (StackSample s : time) c.merge(s.userFrame().method(), weight(s), Long::sum);
        return c.entrySet().stream()
                .filter(e -> !Frame.isJdkClass(e.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(k).map(Map.Entry::getKey).toList();
    }

    /** The method outside the JDK where the thread's samples most often were. */
    public String hottestIn(String thread) {
        Map<String, Long> c = new HashMap<>();
        for (StackSample s : time) {
            String t = s.thread().isEmpty() ? "(unknown)" : s.thread();
            if (t.equals(thread)) c.merge(s.userFrame().method(), weight(s), Long::sum);
        }
        return c.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).findFirst().orElse("");
    }

    /** Samples per line of {@code method} (line -> samples), lines in order. */
    public TreeMap<Integer, Long> lineSamples(String method) {
        TreeMap<Integer, Long> out = new TreeMap<>();
        for (StackSample s : time) {
            for (Frame f : s.frames()) {
                if (f.method().equals(method)) {
                    out.merge(f.line(), weight(s), Long::sum);
                    break;
                }
            }
        }
        return out;
    }

    /** Estimated bytes, their standard error and sample counts per method, largest first. */
    public List<AllocStat> allocationsByMethod() {
        Map<String, List<StackSample>> by = new LinkedHashMap<>();
        for (StackSample s : allocations) by.computeIfAbsent(s.userFrame().method(), k -> new ArrayList<>()).add(s);
        List<AllocStat> out = new ArrayList<>();
        by.forEach((m, v) -> out.add(estimate(m, -1, v, exact.allocatedBytes(m))));
        for (String m : exact.allocatingMethods()) {
            if (!by.containsKey(m)) out.add(new AllocStat(m, -1, 0, 0, 0, exact.allocatedBytes(m)));
        }
        out.sort(BY_BYTES);
        return out;
    }

    /** Estimated bytes, their standard error and sample counts per line, largest first. */
    public List<AllocStat> allocationsByLine() {
        Map<Frame, List<StackSample>> by = new LinkedHashMap<>();
        for (StackSample s : allocations) by.computeIfAbsent(s.userFrame(), k -> new ArrayList<>()).add(s);
        List<AllocStat> out = new ArrayList<>();
        by.forEach((f, v) -> out.add(estimate(f.method(), f.line(), v, exact.allocatedBytes(f.method(), f.line()))));
        for (Frame f : exact.allocatingLines()) {
            if (!by.containsKey(f)) out.add(new AllocStat(f.method(), f.line(), 0, 0, 0,
                    exact.allocatedBytes(f.method(), f.line())));
        }
        out.sort(BY_BYTES);
        return out;
    }

    /** One place's estimate from its samples (see the class comment). */
    private AllocStat estimate(String method, int line, List<StackSample> mine, long exactBytes) {
        double sumAll = sampledBytes();
        double sum = 0;
        double var = 0;
        for (StackSample s : mine) {
            sum += s.weight();
            var += s.varianceTerm();
        }
        long total = recording.allocatedBytes();
        if (total <= 0 || sumAll <= 0 || allocations.size() != recording.allocationSamples().size()) {
            return new AllocStat(method, line, Math.round(sum), Math.sqrt(var), mine.size(), exactBytes);
        }
        double r = sum / sumAll;
        // the share's variance: sum over all samples of w(w - size)(1[here] - r)^2, over W^2
        double v = var * (1 - r) * (1 - r) + (allVariance() - var) * r * r;
        double scale = total / sumAll;
        return new AllocStat(method, line, Math.round(r * total), Math.sqrt(v) * scale, mine.size(), exactBytes);
    }

    private double sampledBytes = -1;
    private double allVariance = -1;

    private double sampledBytes() {
        if (sampledBytes < 0) {
            double b = 0;
            for (StackSample s : allocations) b += s.weight();
            sampledBytes = b;
        }
        return sampledBytes;
    }

    private double allVariance() {
        if (allVariance < 0) {
            double v = 0;
            for (StackSample s : allocations) v += s.varianceTerm();
            allVariance = v;
        }
        return allVariance;
    }

    private static final Comparator<AllocStat> BY_BYTES = Comparator
            .comparingLong((AllocStat a) -> -Math.max(a.bytes(), a.exactBytes()))
            .thenComparing(AllocStat::method).thenComparingInt(AllocStat::line);

    /** Total bytes allocated: the JVM's exact count where the recording has it (and no filter), else the estimate. */
    public long allocatedBytes() {
        long exactTotal = recording.allocatedBytes();
        if (exactTotal > 0 && allocations.size() == recording.allocationSamples().size()) return exactTotal;
        return Math.round(sampledBytes());
    }

    /**
     * The binomial standard error, in percentage points, of a share {@code k/n} of this profile's time counts: as
     * {@link #stderrPercent}, with {@code n} converted to samples where a sample counts more than 1 (wall-clock
     * samples count milliseconds).
     */
    public double errorPercent(long k, long n) {
        if (n <= 0 || totalTime <= 0) return 0;
        double p = (double) k / n;
        double samplesPerCount = (double) time.size() / totalTime;
        return 100 * Math.sqrt(p * (1 - p) / Math.max(1, n * samplesPerCount));
    }

    /** A binomial standard error in percentage points: {@code 100 sqrt(p(1-p)/n)} for {@code k} of {@code n}. */
    public static double stderrPercent(long k, long n) {
        if (n <= 0) return 0;
        double p = (double) k / n;
        return 100 * Math.sqrt(p * (1 - p) / n);
    }
}
