package org.jhpc.benchmark;

import java.util.Arrays;
import java.util.List;

/** Medians and ranges of repeated timings (NaN entries, from failed runs, are left out). */
public final class Stats {
    private Stats() {}

    public static double[] clean(List<Double> xs) {
        return xs.stream().filter(d -> d != null && !Double.isNaN(d)).mapToDouble(Double::doubleValue).sorted().toArray();
    }

    public static double median(List<Double> xs) {
        double[] a = clean(xs);
        if (a.length == 0) return Double.NaN;
        int m = a.length / 2;
        return a.length % 2 == 1 ? a[m] : 0.5 * (a[m - 1] + a[m]);
    }

    public static double min(List<Double> xs) {
        double[] a = clean(xs);
        return a.length == 0 ? Double.NaN : a[0];
    }

    public static double max(List<Double> xs) {
        double[] a = clean(xs);
        return a.length == 0 ? Double.NaN : a[a.length - 1];
    }

    /** (max − min) / median: the spread the tables print as a percentage. */
    public static double spread(List<Double> xs) {
        double med = median(xs);
        return (max(xs) - min(xs)) / med;
    }

    static double[] sorted(double... xs) {
        double[] a = xs.clone();
        Arrays.sort(a);
        return a;
    }
}
