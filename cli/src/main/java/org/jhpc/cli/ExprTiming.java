package org.jhpc.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jhpc.benchmark.ExprData;
import org.jhpc.core.UserError;
import org.jhpc.expr.Expr;
import org.jhpc.expr.NdArray;

/**
 * {@code jhpc expr --bench}: a quick look at one expression's tiers, not the benchmark of record (that is
 * {@code bench/src/main/java/org/jhpc/bench/ExprBench.java} under JMH, run by {@code bench/expr.sh}). It times one
 * expression on arrays of one dtype (float64 by default) holding the benchmark's operands ({@link ExprData}: floats
 * in [0.5, 1.34], so that sqrt and log stay real; the k-th variable gets operand k mod 3), for the block interpreter
 * and the fused tier. The first call (compilation, code generation, cold JIT) is reported apart; then each tier is
 * warmed up for about half a second and timed over repeated evaluations into one preallocated output. GB/s counts
 * the bytes of every input array and the output. The last lines: {@code checksum=} (the float64 sum of the fused
 * tier's result, True as 1; {@code jhpc bench expr} checks it) and {@code median_seconds=}.
 */
final class ExprTiming {
    private ExprTiming() {}

    static void run(String source, int size, String dtype, int threads, PrintWriter out) {
        if (size < 1) throw new UserError("--size must be >= 1, got " + size);
        if (!ExprData.DTYPES.contains(dtype)) throw new UserError("--dtype must be one of " + String.join(", ", ExprData.DTYPES) + ", got " + dtype);
        Expr e = Expr.compile(source);
        long need = 8L * size * (e.variables().size() + 1);
        Runtime rt = Runtime.getRuntime();
        if (need > 0.8 * rt.maxMemory()) {
            throw new UserError("--size " + size + " needs about " + (need >> 20) + " MiB but the heap is "
                    + (rt.maxMemory() >> 20) + " MiB");
        }
        Map<String, Object> b = new LinkedHashMap<>();
        int w = 0;
        for (String v : e.variables()) b.put(v, operand(w++ % 3, size, dtype));
        NdArray result = null;
        double bytes = 0;

        out.printf(Locale.ROOT, "expression      %s%n", source);
        out.printf(Locale.ROOT, "size            %d %s per array, %d input array%s%n", size, dtype, b.size(), b.size() == 1 ? "" : "s");
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
                if (first.ndim() != 1) throw new UserError("--bench needs an element-wise expression");
                if (result == null) {
                    result = NdArray.zeros(first.dtype(), size);
                    bytes = (double) size * (itemBytes(dtype) * b.size() + itemBytes(first.dtype().pyName()));
                }
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
        double sum = 0;
        for (long k = 0; k < size; k++) sum += result.getDouble(k);
        out.println(ExprData.checksumLine(sum));
        out.printf(Locale.ROOT, "median_seconds=%s%n", Double.toString(last));
        out.flush();
    }

    private static int itemBytes(String dtype) {
        return switch (dtype) {
            case "float64", "int64" -> 8;
            case "float32", "int32" -> 4;
            default -> 1;
        };
    }

    /** Operand w of the benchmark ({@link ExprData}) as an array of n elements of dtype. */
    static NdArray operand(int w, int n, String dtype) {
        return switch (dtype) {
            case "float64" -> {
                double[] x = new double[n];
                for (int k = 0; k < n; k++) x[k] = ExprData.value(w, k, dtype);
                yield NdArray.of(x);
            }
            case "float32" -> {
                float[] x = new float[n];
                for (int k = 0; k < n; k++) x[k] = (float) ExprData.value(w, k, dtype);
                yield NdArray.of(x);
            }
            case "int64" -> {
                long[] x = new long[n];
                for (int k = 0; k < n; k++) x[k] = (long) ExprData.value(w, k, dtype);
                yield NdArray.of(x);
            }
            case "int32" -> {
                int[] x = new int[n];
                for (int k = 0; k < n; k++) x[k] = (int) ExprData.value(w, k, dtype);
                yield NdArray.of(x);
            }
            default -> {
                boolean[] x = new boolean[n];
                for (int k = 0; k < n; k++) x[k] = ExprData.value(w, k, dtype) != 0;
                yield NdArray.of(x);
            }
        };
    }
}
