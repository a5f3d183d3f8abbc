package org.jhpc.profiler;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The by-method report, like {@code python -m cProfile -s cumulative}: per method the samples where it was the
 * innermost frame (self) and anywhere on the stack (total), as counts and as percentages of all samples, with the
 * binomial standard error of the cumulative percentage, and exact calls under {@code --exact}.
 */
public final class MethodReport {
    private MethodReport() {}

    public static void print(ProfileData d, SortKey sort, int top, PrintWriter out) {
        long n = d.samples();
        boolean exact = !d.exact().isEmpty();
        out.printf(Locale.ROOT, "By method (%s order, top %d of %d methods): self = samples in the method's own code, total = "
                + "samples with it on the stack;%n", sort.name().toLowerCase(java.util.Locale.ROOT),
                Math.min(top, d.methods(sort).size()), d.methods(sort).size());
        out.println("± = one binomial standard error of cum%, 100*sqrt(p(1-p)/N)." + (exact
                ? " calls: exact, counted by the --exact agent." : ""));
        TablePrinter t = exact ? new TablePrinter("self", "self%", "total", "cum%", "±", "calls", "method")
                : new TablePrinter("self", "self%", "total", "cum%", "±", "method");
        List<MethodStat> rows = d.methods(sort);
        for (MethodStat m : rows.subList(0, Math.min(top, rows.size()))) {
            String selfPct = TablePrinter.pct(pct(m.self(), n));
            String cumPct = TablePrinter.pct(pct(m.total(), n));
            String err = TablePrinter.pct(d.errorPercent(m.total(), n));
            if (exact) {
                t.row(m.self(), selfPct, m.total(), cumPct, err, m.calls() < 0 ? "" : m.calls(), m.method());
            } else {
                t.row(m.self(), selfPct, m.total(), cumPct, err, m.method());
            }
        }
        t.print(out);
    }

    static double pct(long k, long n) {
        return n == 0 ? 0 : 100.0 * k / n;
    }
}
