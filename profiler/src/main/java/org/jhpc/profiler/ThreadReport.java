package org.jhpc.profiler;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The per-thread view ({@code --report threads}): each thread's share of the time samples and the method where
 * most of its samples were (its innermost frame outside the JDK).
 */
public final class ThreadReport {
    private ThreadReport() {}

    public static void print(ProfileData d, int top, PrintWriter out) {
        long n = d.samples();
        List<Map.Entry<String, Long>> rows = d.threads();
        out.printf(java.util.Locale.ROOT, "By thread (top %d of %d threads):%n", Math.min(top, rows.size()), rows.size());
        TablePrinter t = new TablePrinter("samples", "%", "±", "hottest method", "thread");
        for (Map.Entry<String, Long> e : rows.subList(0, Math.min(top, rows.size()))) {
            t.row(e.getValue(), TablePrinter.pct(MethodReport.pct(e.getValue(), n)),
                    TablePrinter.pct(d.errorPercent(e.getValue(), n)), d.hottestIn(e.getKey()), e.getKey());
        }
        t.print(out);
    }
}
