package org.jhpc.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jhpc.core.UserError;
import org.jhpc.expr.DType;
import org.jhpc.expr.Expr;
import org.jhpc.expr.NdArray;

/**
 * {@code jhpc expr --bench}: a quick look at one expression's tiers, not the benchmark of record (that is
 * {@code bench/src/main/java/org/jhpc/bench/ExprBench.java} under JMH, run by {@code bench/expr.sh}). It times one expression on random float64 arrays in [0.5, 1.5) (so that sqrt and log
 * stay real), for the block interpreter and the fused tier. The first call (compilation, code generation, cold
 * JIT) is reported apart; then each tier is warmed up for about half a second and timed over repeated
 * evaluations into one preallocated output. GB/s counts 8 bytes per element of every input array and the output.
 */
final class ExprTiming {
    private ExprTiming() {}

    static void run(String source, int size, int threads, PrintWriter out) {
        if (size < 1) throw new UserError("--size must be >= 1, got " + size);
        Expr e = Expr.compile(source);
        long need = 8L * size * (e.variables().size() + 1);
        Runtime rt = Runtime.getRuntime();
        if (need > 0.8 * rt.maxMemory()) {
            throw new UserError("--size " + size + " needs about " + (need >> 20) + " MiB but the heap is "
                    + (rt.maxMemory() >> 20) + " MiB");
        }
        SplittableRandom r = new SplittableRandom(20261125);
        Map<String, Object> b = new LinkedHashMap<>();
        for (String v : e.variables()) b.put(v, NdArray.of(r.doubles(size, 0.5, 1.5).toArray()));
        NdArray result = NdArray.zeros(DType.FLOAT64, size);
        double bytes = 8.0 * size * (e.variables().size() + 1);

        out.printf(Locale.ROOT, "expression      %s%n", source);
        out.printf(Locale.ROOT, "size            %d float64 per array, %d input array%s%n", size, b.size(), b.size() == 1 ? "" : "s");
        out.printf(Locale.ROOT, "threads         %d%n", threads);
        out.printf(Locale.ROOT, "%-12s %14s %11s %11s %9s%n", "tier", "first_call_ms", "median_ms", "min_ms", "GB/s");
        double last = Double.NaN;
        for (boolean fused : new boolean[] {false, true}) {
            boolean old = Expr.setFusion(fused);
            try {
                Expr fresh = Expr.compile(source);
                long t0 = System.nanoTime();
                NdArray first = fresh.evaluate(b);
                double firstMs = (System.nanoTime() - t0) / 1e6;
                if (first.dtype() != DType.FLOAT64) throw new UserError("--bench needs a float64 expression");
                long warmEnd = System.nanoTime() + 500_000_000L;
                int warm = 0;
                while (System.nanoTime() < warmEnd || warm < 5) {
                    fresh.evaluate(b, result);
                    warm++;
                }
                double perCall = 0.5 / warm;
                int reps = (int) Math.max(7, Math.min(200, 1.5 / Math.max(perCall, 1e-6)));
                double[] t = new double[reps];
                for (int k = 0; k < reps; k++) {
                    long s = System.nanoTime();
                    fresh.evaluate(b, result);
                    t[k] = (System.nanoTime() - s) / 1e9;
                }
                Arrays.sort(t);
                double median = reps % 2 == 1 ? t[reps / 2] : (t[reps / 2 - 1] + t[reps / 2]) / 2;
                String name = fused ? (fresh.tier(b).startsWith("fused") ? "fused" : "fused(n/a)") : "interpreter";
                out.printf(Locale.ROOT, "%-12s %14.2f %11.3f %11.3f %9.2f%n", name, firstMs, median * 1e3, t[0] * 1e3, bytes / median / 1e9);
                if (!fused || fresh.tier(b).startsWith("fused")) last = median;
            } finally {
                Expr.setFusion(old);
            }
        }
        out.printf(Locale.ROOT, "median_seconds=%s%n", Double.toString(last));
        out.flush();
    }
}
