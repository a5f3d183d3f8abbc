package org.jhpc.expr;

/**
 * Strided views element by element: the storage index of element k (C order) of an {@link NdArray} view, counted
 * with an odometer over its shape and strides (any strides, negative or zero), and copies of a run of elements
 * out of a view ({@link #gather}) or into one ({@link #scatter}). Used by both tiers for operands and outputs
 * that are not contiguous.
 */
final class Views {
    private Views() {}

    /** Fills {@code idx} with the storage indices of elements [start, start+n) (C order) of a strided view. */
    static void indices(NdArray a, long start, int n, int[] idx) {
        if (n <= 0) return;
        int[] sh = a.shape();
        int[] st = a.strides();
        int nd = sh.length;
        if (nd == 1) {
            for (int k = 0; k < n; k++) idx[k] = a.offset() + (int) (start + k) * st[0];
            return;
        }
        int[] pos = new int[nd];
        long rest = start;
        int base = a.offset();
        for (int d = nd - 1; d >= 0; d--) {
            pos[d] = (int) (rest % sh[d]);
            rest /= sh[d];
            base += pos[d] * st[d];
        }
        int last = nd - 1;
        int len = sh[last];
        int step = st[last];
        for (int k = 0; k < n; k++) {
            idx[k] = base;
            if (++pos[last] < len) {
                base += step;
                continue;
            }
            base -= (len - 1) * step;
            pos[last] = 0;
            for (int d = last - 1; d >= 0; d--) {
                if (++pos[d] < sh[d]) {
                    base += st[d];
                    break;
                }
                base -= (sh[d] - 1) * st[d];
                pos[d] = 0;
            }
        }
    }

    /** Copies elements [start, start+n) (C order) of a view into dst[0..n); {@code idx} holds at least n ints. */
    static void gather(NdArray a, long start, int n, Object dst, int[] idx) {
        indices(a, start, n, idx);
        Object s = a.data();
        switch (a.dtype()) {
            case BOOL -> { boolean[] x = (boolean[]) s; boolean[] d = (boolean[]) dst; for (int k = 0; k < n; k++) d[k] = x[idx[k]]; }
            case INT32 -> { int[] x = (int[]) s; int[] d = (int[]) dst; for (int k = 0; k < n; k++) d[k] = x[idx[k]]; }
            case INT64 -> { long[] x = (long[]) s; long[] d = (long[]) dst; for (int k = 0; k < n; k++) d[k] = x[idx[k]]; }
            case FLOAT32 -> { float[] x = (float[]) s; float[] d = (float[]) dst; for (int k = 0; k < n; k++) d[k] = x[idx[k]]; }
            case FLOAT64 -> { double[] x = (double[]) s; double[] d = (double[]) dst; for (int k = 0; k < n; k++) d[k] = x[idx[k]]; }
            case COMPLEX128 -> {
                double[] x = (double[]) s;
                double[] d = (double[]) dst;
                for (int k = 0; k < n; k++) {
                    d[2 * k] = x[2 * idx[k]];
                    d[2 * k + 1] = x[2 * idx[k] + 1];
                }
            }
            case BYTES -> {
                int w = a.itemSize();
                for (int k = 0; k < n; k++) System.arraycopy(s, idx[k] * w, dst, k * w, w);
            }
        }
    }

    /** Writes src[so..so+n) into elements [start, start+n) of {@code out} (same element type). */
    static void scatter(Object src, int so, NdArray out, long start, int n, int[] idx) {
        indices(out, start, n, idx);
        Object d = out.data();
        switch (out.dtype()) {
            case BOOL -> { boolean[] x = (boolean[]) src; boolean[] y = (boolean[]) d; for (int k = 0; k < n; k++) y[idx[k]] = x[so + k]; }
            case INT32 -> { int[] x = (int[]) src; int[] y = (int[]) d; for (int k = 0; k < n; k++) y[idx[k]] = x[so + k]; }
            case INT64 -> { long[] x = (long[]) src; long[] y = (long[]) d; for (int k = 0; k < n; k++) y[idx[k]] = x[so + k]; }
            case FLOAT32 -> { float[] x = (float[]) src; float[] y = (float[]) d; for (int k = 0; k < n; k++) y[idx[k]] = x[so + k]; }
            case FLOAT64 -> { double[] x = (double[]) src; double[] y = (double[]) d; for (int k = 0; k < n; k++) y[idx[k]] = x[so + k]; }
            case COMPLEX128 -> {
                double[] x = (double[]) src;
                double[] y = (double[]) d;
                for (int k = 0; k < n; k++) {
                    y[2 * idx[k]] = x[2 * (so + k)];
                    y[2 * idx[k] + 1] = x[2 * (so + k) + 1];
                }
            }
            case BYTES -> throw new IllegalStateException("bytes results are not produced");
        }
    }
}
