package org.jhpc.profiler;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The memory report, like memory_profiler but without its per-line "increments" (differences of the process size
 * between lines, which go negative whenever a collection runs in between): bytes allocated per method and per line,
 * each a sampled estimate shown with its sample count (and the exact bytes under {@code --exact}), then heap
 * occupancy over time: the peak, and the heap used before and after each garbage collection.
 */
public final class MemoryReport {
    private static final int TIMELINE_ROWS = 12;

    private MemoryReport() {}

    public static void print(ProfileData d, int top, SourceFinder sources, PrintWriter out) {
        Recording r = d.recording();
        long total = d.allocatedBytes();
        boolean exact = !d.exact().isEmpty();
        if (r.heapSampler()) {
            out.printf(Locale.ROOT, "Memory: %s allocated (%s); per line: %d samples of the JVM's heap sampler (random "
                    + "byte offsets, weighted size/P(sampled)),%n", TablePrinter.bytes(total), r.allocatedBytes() > 0
                    ? "the JVM's exact count" : "estimate", d.allocationSamples().size());
            out.println("shares scaled to the total; ± = one standard error from the sampling model. Allocations in "
                    + "JDK code are charged to the calling line." + (exact ? " exact: counted by the --exact agent." : ""));
        } else {
            out.printf(Locale.ROOT, "Memory: about %s allocated, from %d of JFR's allocation samples (no agent: these "
                    + "sample at TLAB refills and can be biased per line%n", TablePrinter.bytes(total),
                    d.allocationSamples().size());
            out.println("when lines of different sizes interleave; ± = standard error if they were not). Allocations in "
                    + "JDK code are charged to the calling line." + (exact ? " exact: counted by the --exact agent." : ""));
        }
        List<AllocStat> byMethod = d.allocationsByMethod();
        TablePrinter t = exact ? new TablePrinter("bytes (est.)", "±", "%", "samples", "exact", "method")
                : new TablePrinter("bytes (est.)", "±", "%", "samples", "method");
        for (AllocStat a : byMethod.subList(0, Math.min(top, byMethod.size()))) {
            Object[] cells = exact
                    ? new Object[] {TablePrinter.bytes(a.bytes()), err(a), pct(a.bytes(), total), a.samples(),
                            TablePrinter.bytes(a.exactBytes()), a.method()}
                    : new Object[] {TablePrinter.bytes(a.bytes()), err(a), pct(a.bytes(), total), a.samples(), a.method()};
            t.row(cells);
        }
        if (t.size() > 0) {
            out.println();
            t.print(out);
        }
        List<AllocStat> byLine = d.allocationsByLine();
        t = exact ? new TablePrinter("bytes (est.)", "±", "%", "samples", "exact", "line", "source")
                : new TablePrinter("bytes (est.)", "±", "%", "samples", "line", "source");
        for (AllocStat a : byLine.subList(0, Math.min(top, byLine.size()))) {
            String where = a.method() + ":" + (a.line() < 0 ? "?" : a.line());
            String src = a.line() < 0 ? "(no line number: the class has no line table)"
                    : sources.line(sources.fileFor(new Frame(a.method(), a.line()).className()), a.line());
            src = src == null ? "" : src.strip();
            Object[] cells = exact
                    ? new Object[] {TablePrinter.bytes(a.bytes()), err(a), pct(a.bytes(), total), a.samples(),
                            TablePrinter.bytes(a.exactBytes()), where, src}
                    : new Object[] {TablePrinter.bytes(a.bytes()), err(a), pct(a.bytes(), total), a.samples(), where, src};
            t.row(cells);
        }
        if (t.size() > 0) {
            out.println();
            t.print(out);
        }
        out.println();
        heap(r.heap(), r.seconds(), out);
    }

    /**
     * The heap right after the first collection that ran after {@code p} (at or after its time): the estimate of
     * what was live at {@code p}, which splits {@code p} into live data and garbage (exact when {@code p} is the
     * heap just before that collection, as a peak usually is); null when no collection ran after it.
     */
    static HeapPoint liveAfter(List<HeapPoint> heap, HeapPoint p) {
        for (HeapPoint h : heap) {
            if (h.kind() == HeapPoint.Kind.AFTER_GC && h.seconds() >= p.seconds() && h != p) return h;
        }
        return null;
    }

    private static String err(AllocStat a) {
        return a.samples() == 0 ? "" : TablePrinter.bytes(Math.round(a.stderr()));
    }

    private static String pct(long b, long total) {
        return total <= 0 ? "" : TablePrinter.pct(100.0 * b / total);
    }

    /** Peak heap used and a coarse timeline: per time slice the largest use seen and the smallest after a GC. */
    static void heap(List<HeapPoint> heap, double seconds, PrintWriter out) {
        if (heap.isEmpty()) {
            out.println("Heap: no heap events (the run was shorter than 100 ms and needed no GC).");
            return;
        }
        HeapPoint peak = heap.getFirst();
        long gcs = 0;
        long minAfter = Long.MAX_VALUE;
        long maxAfter = 0;
        for (HeapPoint p : heap) {
            if (p.used() > peak.used()) peak = p;
            if (p.kind() == HeapPoint.Kind.AFTER_GC) {
                gcs++;
                minAfter = Math.min(minAfter, p.used());
                maxAfter = Math.max(maxAfter, p.used());
            }
        }
        out.printf(Locale.ROOT, "Heap used: peak %s at %.2f s", TablePrinter.bytes(peak.used()), peak.seconds());
        HeapPoint next = liveAfter(heap, peak);
        if (next != null) {
            out.printf(Locale.ROOT, " (%s of it live, %s garbage: the heap after the next collection, at %.2f s)",
                    TablePrinter.bytes(Math.min(next.used(), peak.used())),
                    TablePrinter.bytes(Math.max(0, peak.used() - next.used())), next.seconds());
        }
        out.printf(Locale.ROOT, "; %d garbage collections", gcs);
        if (gcs > 0) {
            out.printf(Locale.ROOT, "; live data after GC between %s and %s", TablePrinter.bytes(minAfter),
                    TablePrinter.bytes(maxAfter));
        }
        out.println(".");
        double end = Math.max(seconds, heap.getLast().seconds());
        int rows = TIMELINE_ROWS;
        double step = end / rows;
        if (step <= 0) return;
        TablePrinter t = new TablePrinter("time (s)", "heap used (max)", "GCs", "after GC (min)", "");
        for (int i = 0; i < rows; i++) {
            double a = i * step;
            double b = i == rows - 1 ? Double.MAX_VALUE : (i + 1) * step;
            long max = -1;
            long after = -1;
            int n = 0;
            for (HeapPoint p : heap) {
                if (p.seconds() < a || p.seconds() >= b) continue;
                max = Math.max(max, p.used());
                if (p.kind() == HeapPoint.Kind.AFTER_GC) {
                    n++;
                    after = after < 0 ? p.used() : Math.min(after, p.used());
                }
            }
            if (max < 0) continue;
            int bar = (int) Math.round(40.0 * max / Math.max(1, peak.used()));
            t.row(String.format(Locale.ROOT, "%.2f-%.2f", a, Math.min(end, (i + 1) * step)), TablePrinter.bytes(max),
                    n, after < 0 ? "" : TablePrinter.bytes(after), "#".repeat(bar));
        }
        t.print(out);
    }
}
