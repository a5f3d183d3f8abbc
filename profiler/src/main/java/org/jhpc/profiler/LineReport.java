package org.jhpc.profiler;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The by-line report, like {@code kernprof -l -v}: for each selected method, each source line's share of the time
 * spent in the method (callees included), with the sample count, the binomial standard error of that share and,
 * under {@code --exact}, the line's exact execution count (Hits).
 */
public final class LineReport {
    private LineReport() {}

    public static void print(ProfileData d, MethodLines m, PrintWriter out) {
        long n = d.samples();
        long k = m.methodSamples();
        boolean exact = m.lines().stream().anyMatch(l -> l.hits() >= 0);
        out.printf(Locale.ROOT, "Method: %s%n", m.method());
        out.printf(Locale.ROOT, "File: %s%s%n", m.file(), m.sourceFound() ? "" : " (source not found: add --sourcepath DIR)");
        out.printf(Locale.ROOT, "Samples: %d of %d (%.1f%% of all, ± %.1f); %% Time = share of the method's samples, "
                + "± = its binomial standard error%n", k, n, MethodReport.pct(k, n), d.errorPercent(k, n));
        long calls = d.exact().calls(m.method());
        if (calls >= 0) out.printf(Locale.ROOT, "Calls: %d (exact)%n", calls);
        out.println();
        TablePrinter t = exact ? new TablePrinter("Line #", "Hits", "Samples", "% Time", "±", "Line Contents")
                : new TablePrinter("Line #", "Samples", "% Time", "±", "Line Contents");
        t.rule();
        for (LineStat l : m.lines()) {
            String line = l.line() < 0 ? "?" : Integer.toString(l.line());
            String samples = l.samples() > 0 ? Long.toString(l.samples()) : "";
            String share = l.samples() > 0 ? TablePrinter.pct(MethodReport.pct(l.samples(), k)) : "";
            String err = l.samples() > 0 ? TablePrinter.pct(d.errorPercent(l.samples(), k)) : "";
            String src = l.source() != null ? l.source() : l.line() < 0
                    ? "(no line number: samples in code without a line table, e.g. a generated or native frame)" : "";
            if (exact) {
                t.row(line, l.hits() > 0 ? l.hits() : "", samples, share, err, src);
            } else {
                t.row(line, samples, share, err, src);
            }
        }
        t.print(out);
        out.println();
    }
}
