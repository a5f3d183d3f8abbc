package org.jhpc.expr;

import java.util.Arrays;

/** Block kernels for conversions, copies and byte strings (the operations the table of operations leaves to hand-written code). */
final class MiscKernels {
    private MiscKernels() {}

    static boolean test(Op op, int c) {
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    static void compareBytes(Op op, byte[] a, int ao, int aw, byte[] b, int bo, int bw, boolean[] d, int o, int n) {
        for (int i = 0; i < n; i++) {
            int x = (ao + i) * aw;
            int y = (bo + i) * bw;
            int la = aw;
            while (la > 0 && a[x + la - 1] == 0) la--;
            int lb = bw;
            while (lb > 0 && b[y + lb - 1] == 0) lb--;
            d[o + i] = test(op, Arrays.compareUnsigned(a, x, x + la, b, y, y + lb));
        }
    }

    static void contains(byte[] a, int ao, int aw, byte[] b, int bo, int bw, boolean[] d, int o, int n) {
        for (int i = 0; i < n; i++) d[o + i] = Scalars.contains(a, (ao + i) * aw, aw, b, (bo + i) * bw, bw);
    }

    /** Converts (or copies, when from == to) n elements; offsets in elements of each type. */
    static void cast(DType from, DType to, Object a, int ao, Object d, int o, int n, int itemSize) {
        if (from == to) {
            int w = from == DType.COMPLEX128 ? 2 : from == DType.BYTES ? itemSize : 1;
            System.arraycopy(a, ao * w, d, o * w, n * w);
            return;
        }
        switch (from) {
            case BOOL -> {
                boolean[] s = (boolean[]) a;
                switch (to) {
                    case INT32 -> { int[] t = (int[]) d; for (int i = 0; i < n; i++) t[o + i] = s[ao + i] ? 1 : 0; }
                    case INT64 -> { long[] t = (long[]) d; for (int i = 0; i < n; i++) t[o + i] = s[ao + i] ? 1 : 0; }
                    case FLOAT32 -> { float[] t = (float[]) d; for (int i = 0; i < n; i++) t[o + i] = s[ao + i] ? 1 : 0; }
                    case FLOAT64 -> { double[] t = (double[]) d; for (int i = 0; i < n; i++) t[o + i] = s[ao + i] ? 1 : 0; }
                    case COMPLEX128 -> { double[] t = (double[]) d; for (int i = 0; i < n; i++) { t[2 * (o + i)] = s[ao + i] ? 1 : 0; t[2 * (o + i) + 1] = 0; } }
                    default -> throw bad(from, to);
                }
            }
            case INT32 -> {
                int[] s = (int[]) a;
                switch (to) {
                    case INT64 -> { long[] t = (long[]) d; for (int i = 0; i < n; i++) t[o + i] = s[ao + i]; }
                    case FLOAT32 -> { float[] t = (float[]) d; for (int i = 0; i < n; i++) t[o + i] = s[ao + i]; }
                    case FLOAT64 -> { double[] t = (double[]) d; for (int i = 0; i < n; i++) t[o + i] = s[ao + i]; }
                    case COMPLEX128 -> { double[] t = (double[]) d; for (int i = 0; i < n; i++) { t[2 * (o + i)] = s[ao + i]; t[2 * (o + i) + 1] = 0; } }
                    default -> throw bad(from, to);
                }
            }
            case INT64 -> {
                long[] s = (long[]) a;
                switch (to) {
                    case FLOAT32 -> { float[] t = (float[]) d; for (int i = 0; i < n; i++) t[o + i] = s[ao + i]; }
                    case FLOAT64 -> { double[] t = (double[]) d; for (int i = 0; i < n; i++) t[o + i] = s[ao + i]; }
                    case COMPLEX128 -> { double[] t = (double[]) d; for (int i = 0; i < n; i++) { t[2 * (o + i)] = s[ao + i]; t[2 * (o + i) + 1] = 0; } }
                    default -> throw bad(from, to);
                }
            }
            case FLOAT32 -> {
                float[] s = (float[]) a;
                switch (to) {
                    case FLOAT64 -> { double[] t = (double[]) d; for (int i = 0; i < n; i++) t[o + i] = s[ao + i]; }
                    case COMPLEX128 -> { double[] t = (double[]) d; for (int i = 0; i < n; i++) { t[2 * (o + i)] = s[ao + i]; t[2 * (o + i) + 1] = 0; } }
                    default -> throw bad(from, to);
                }
            }
            case FLOAT64 -> {
                double[] s = (double[]) a;
                if (to != DType.COMPLEX128) throw bad(from, to);
                double[] t = (double[]) d;
                for (int i = 0; i < n; i++) {
                    double x = s[ao + i];
                    t[2 * (o + i)] = x;
                    t[2 * (o + i) + 1] = 0;
                }
            }
            default -> throw bad(from, to);
        }
    }

    private static IllegalStateException bad(DType from, DType to) {
        return new IllegalStateException("no conversion from " + from + " to " + to);
    }

    /** True when numexpr would convert {@code from} to {@code to} without loss of kind (safe casting). */
    static boolean safe(DType from, DType to) {
        if (from == to) return true;
        if (from == DType.BYTES || to == DType.BYTES || to == DType.BOOL) return false;
        if (from == DType.INT64 && to == DType.INT32) return false;
        if (to == DType.FLOAT32) return from == DType.BOOL;
        return to.ordinal() > from.ordinal();
    }
}
