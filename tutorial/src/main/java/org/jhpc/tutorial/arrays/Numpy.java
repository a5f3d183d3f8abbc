package org.jhpc.tutorial.arrays;

import java.util.Map;
import org.jhpc.expr.DType;
import org.jhpc.expr.Expr;
import org.jhpc.expr.NdArray;

/**
 * The numpy calls of the slides (47–52) on jhpc's array type, {@link NdArray} from the expr module (1-D and 2-D,
 * C order, views by offset and strides). Creation is here; element-wise arithmetic goes through the expression
 * engine ({@link #eval}), products through BLAS ({@link Products}).
 */
public final class Numpy {
    private Numpy() {}

    /** {@code np.zeros(shape)}: float64 zeros. */
    public static NdArray zeros(int... shape) {
        return NdArray.zeros(DType.FLOAT64, shape);
    }

    /** {@code np.ones(n, dtype=int)}: int64 ones. */
    public static NdArray onesInt(int n) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, 1L);
        return NdArray.of(a);
    }

    /** {@code np.arange(n)}: int64 0, 1, …, n − 1. */
    public static NdArray arange(int n) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return NdArray.of(a);
    }

    /** {@code np.arange(float(n))}: float64 0.0, 1.0, …, n − 1. */
    public static NdArray arangeDouble(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return NdArray.of(a);
    }

    /**
     * {@code np.linspace(start, stop, num)}: num points from start to stop inclusive, computed as numpy does,
     * y_i = i·step + start with step = (stop − start)/(num − 1), and the last point set to stop exactly.
     */
    public static NdArray linspace(double start, double stop, int num) {
        double[] y = new double[num];
        double step = num > 1 ? (stop - start) / (num - 1) : 0;
        for (int i = 0; i < num; i++) y[i] = i * step + start;
        if (num > 1) y[num - 1] = stop;
        return NdArray.of(y);
    }

    /** {@code np.array([[...], ...])} for a matrix of whole numbers (int64, C order). */
    public static NdArray matrix(long[][] rows) {
        int m = rows.length, n = rows[0].length;
        long[] a = new long[m * n];
        for (int i = 0; i < m; i++) System.arraycopy(rows[i], 0, a, i * n, n);
        return NdArray.of(a).reshape(m, n);
    }

    /**
     * Element-wise arithmetic: the expression evaluated over its operands, which all have one shape, scalars
     * (Java numbers) broadcast: {@code eval("a * b", "a", a, "b", b)} is numpy's {@code a * b}.
     */
    public static NdArray eval(String expression, Object... namesAndValues) {
        Map<String, Object> bindings = new java.util.LinkedHashMap<>();
        for (int k = 0; k < namesAndValues.length; k += 2) bindings.put((String) namesAndValues[k], namesAndValues[k + 1]);
        return Expr.evaluate(expression, bindings);
    }
}
