package org.jhpc.tutorial.arrays;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * What the shape of the data costs, timed on one machine (best of a few runs, after a warm-up run):
 * <ul>
 * <li>nested {@code double[][]} (an array of row arrays, each row its own object somewhere on the heap) against one
 *     flat row-major {@code double[]} (cell (i, j) at i·n + j), for one diffusion-like sweep over an n×n grid;</li>
 * <li>boxed {@code List<Double>} (each element a separate 16-byte object behind a reference) against
 *     {@code double[]} (8 bytes each, contiguous), for a sum of n elements.</li>
 * </ul>
 * Each result carries the value computed so that the two ways can be seen to agree.
 */
public final class Layouts {
    private Layouts() {}

    /** One timing: the value computed and the best wall time in seconds. */
    public record Timed(double value, double seconds) {}

    /** Runs {@code body} once to warm up, then {@code repeats} times; returns its value and the best time. */
    public static Timed best(int repeats, DoubleSupplier body) {
        double v = body.getAsDouble();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            v = body.getAsDouble();
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        return new Timed(v, best);
    }

    /** Σ over the interior of (up + down + left + right − 4·centre) on a nested grid. */
    public static double sweepNested(double[][] g) {
        int n = g.length;
        double s = 0;
        for (int i = 1; i < n - 1; i++) {
            for (int j = 1; j < n - 1; j++) {
                s += g[i - 1][j] + g[i + 1][j] + g[i][j - 1] + g[i][j + 1] - 4 * g[i][j];
            }
        }
        return s;
    }

    /** The same sweep on a flat row-major grid. */
    public static double sweepFlat(double[] g, int n) {
        double s = 0;
        for (int i = 1; i < n - 1; i++) {
            for (int k = i * n + 1, end = i * n + n - 1; k < end; k++) {
                s += g[k - n] + g[k + n] + g[k - 1] + g[k + 1] - 4 * g[k];
            }
        }
        return s;
    }

    /** An n×n nested grid with cell (i, j) = sin(i) + cos(j). */
    public static double[][] nestedGrid(int n) {
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) g[i][j] = Math.sin(i) + Math.cos(j);
        return g;
    }

    /** The same grid, flat. */
    public static double[] flatGrid(int n) {
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) g[i * n + j] = Math.sin(i) + Math.cos(j);
        return g;
    }

    /** 1/1 + 1/2 + … over a boxed list. */
    public static double sumBoxed(List<Double> xs) {
        Double s = 0.0;
        for (Double x : xs) s += x;
        return s;
    }

    public static double sumPrimitive(double[] xs) {
        double s = 0;
        for (double x : xs) s += x;
        return s;
    }

    public static List<Double> boxed(int n) {
        List<Double> xs = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) xs.add(1.0 / i);
        return xs;
    }

    public static double[] primitive(int n) {
        double[] xs = new double[n];
        for (int i = 1; i <= n; i++) xs[i - 1] = 1.0 / i;
        return xs;
    }
}
