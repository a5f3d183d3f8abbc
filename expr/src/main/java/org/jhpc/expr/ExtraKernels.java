package org.jhpc.expr;

/**
 * The operations without a Vector API form, element formula and block loop side by side: {@code floor},
 * {@code ceil}, {@code fmod} (C's, the dividend's sign), {@code //} (numpy's floor division; integer {@code x // 0 == 0}),
 * {@code ^} (exclusive or of bools or integers) and {@code ones_like}. The loops are plain Java (the JIT may
 * vectorise them); they run whether or not SIMD is on.
 */
final class ExtraKernels {
    private ExtraKernels() {}

    static boolean handles(Op op) {
        return op == Op.FLOOR || op == Op.CEIL || op == Op.FMOD || op == Op.FLOORDIV || op == Op.XOR || op == Op.ONES;
    }

    /** numpy's floor division of doubles (its npy_divmod): the quotient rounded toward minus infinity. */
    static double floorDiv(double a, double b) {
        if (b == 0) return a / b;
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) div -= 1;
        if (div == 0) return Math.copySign(0.0, a / b);
        double f = Math.floor(div);
        return div - f > 0.5 ? f + 1 : f;
    }

    static long floorDiv(long a, long b) {
        return b == 0 ? 0 : Math.floorDiv(a, b);
    }

    static int floorDiv(int a, int b) {
        return b == 0 ? 0 : Math.floorDiv(a, b);
    }

    /** The element formula, for constant folding and the reference evaluator. */
    static Object scalar(Op op, DType t, Object... v) {
        if (op == Op.ONES) return Scalars.cast(1, t);
        return switch (t) {
            case BOOL -> (Boolean) v[0] ^ (Boolean) v[1];
            case INT32 -> {
                int a = (Integer) v[0];
                int b = (Integer) v[1];
                yield op == Op.XOR ? a ^ b : floorDiv(a, b);
            }
            case INT64 -> {
                long a = (Long) v[0];
                long b = (Long) v[1];
                yield op == Op.XOR ? a ^ b : floorDiv(a, b);
            }
            case FLOAT32 -> {
                float a = (Float) v[0];
                yield switch (op) {
                    case FLOOR -> (float) Math.floor(a);
                    case CEIL -> (float) Math.ceil(a);
                    case FMOD -> a % (Float) v[1];
                    default -> (float) floorDiv(a, (double) (Float) v[1]);
                };
            }
            case FLOAT64 -> {
                double a = (Double) v[0];
                yield switch (op) {
                    case FLOOR -> Math.floor(a);
                    case CEIL -> Math.ceil(a);
                    case FMOD -> a % (Double) v[1];
                    default -> floorDiv(a, (Double) v[1]);
                };
            }
            default -> throw new IllegalStateException(op + " on " + t);
        };
    }

    static void run(Op op, DType t, Object a, int ao, Object b, int bo, Object dst, int o, int n) {
        if (op == Op.ONES) {
            switch (t) {
                case COMPLEX128 -> {
                    double[] d = (double[]) dst;
                    for (int i = 0; i < n; i++) {
                        d[2 * (o + i)] = 1;
                        d[2 * (o + i) + 1] = 0;
                    }
                }
                case FLOAT64 -> java.util.Arrays.fill((double[]) dst, o, o + n, 1.0);
                case FLOAT32 -> java.util.Arrays.fill((float[]) dst, o, o + n, 1.0f);
                case INT64 -> java.util.Arrays.fill((long[]) dst, o, o + n, 1L);
                case INT32 -> java.util.Arrays.fill((int[]) dst, o, o + n, 1);
                default -> throw new IllegalStateException("ones_like on " + t);
            }
            return;
        }
        switch (t) {
            case BOOL -> {
                boolean[] x = (boolean[]) a;
                boolean[] y = (boolean[]) b;
                boolean[] d = (boolean[]) dst;
                for (int i = 0; i < n; i++) d[o + i] = x[ao + i] ^ y[bo + i];
            }
            case INT32 -> {
                int[] x = (int[]) a;
                int[] y = (int[]) b;
                int[] d = (int[]) dst;
                if (op == Op.XOR) for (int i = 0; i < n; i++) d[o + i] = x[ao + i] ^ y[bo + i];
                else for (int i = 0; i < n; i++) d[o + i] = floorDiv(x[ao + i], y[bo + i]);
            }
            case INT64 -> {
                long[] x = (long[]) a;
                long[] y = (long[]) b;
                long[] d = (long[]) dst;
                if (op == Op.XOR) for (int i = 0; i < n; i++) d[o + i] = x[ao + i] ^ y[bo + i];
                else for (int i = 0; i < n; i++) d[o + i] = floorDiv(x[ao + i], y[bo + i]);
            }
            case FLOAT32 -> {
                float[] x = (float[]) a;
                float[] d = (float[]) dst;
                switch (op) {
                    case FLOOR -> { for (int i = 0; i < n; i++) d[o + i] = (float) Math.floor(x[ao + i]); }
                    case CEIL -> { for (int i = 0; i < n; i++) d[o + i] = (float) Math.ceil(x[ao + i]); }
                    case FMOD -> {
                        float[] y = (float[]) b;
                        for (int i = 0; i < n; i++) d[o + i] = x[ao + i] % y[bo + i];
                    }
                    default -> {
                        float[] y = (float[]) b;
                        for (int i = 0; i < n; i++) d[o + i] = (float) floorDiv(x[ao + i], (double) y[bo + i]);
                    }
                }
            }
            case FLOAT64 -> {
                double[] x = (double[]) a;
                double[] d = (double[]) dst;
                switch (op) {
                    case FLOOR -> { for (int i = 0; i < n; i++) d[o + i] = Math.floor(x[ao + i]); }
                    case CEIL -> { for (int i = 0; i < n; i++) d[o + i] = Math.ceil(x[ao + i]); }
                    case FMOD -> {
                        double[] y = (double[]) b;
                        for (int i = 0; i < n; i++) d[o + i] = x[ao + i] % y[bo + i];
                    }
                    default -> {
                        double[] y = (double[]) b;
                        for (int i = 0; i < n; i++) d[o + i] = floorDiv(x[ao + i], y[bo + i]);
                    }
                }
            }
            default -> throw new IllegalStateException(op + " on " + t);
        }
    }
}
