package org.jhpc.benchmark;

import java.util.List;
import java.util.Locale;

/**
 * The operands and the reference answers of {@code jhpc bench expr}, the same in every program (Java here and in
 * {@code jhpc expr --bench}; Python in {@code peers/python/expr_peers.py}, which writes the same formula): operand
 * w (0, 1, 2 for a, b, c) at element k is built from {@code m = (k*P_w) mod Q_w} with (P, Q) = (37, 101), (53, 103),
 * (71, 107): float types {@code 0.5 + m/128} (in [0.5, 1.34], exact in float32 and float64, so sqrt and log stay
 * real), integers {@code m - 50}, bools {@code m < 50}. Every result of the benchmark's expressions on these values
 * is a multiple of 2^-14 below 2^8 (or a small integer), so it is exact in either float type, and its sum over up to
 * 3e7 elements is exact in float64 in any order: every program's {@code checksum=} (the float64 sum of the
 * result, bools counting 1) must equal {@link #checksum} exactly.
 */
public final class ExprData {
    private ExprData() {}

    /** The dtypes of the per-dtype rows. */
    public static final List<String> DTYPES = List.of("float64", "float32", "int64", "int32", "bool");

    private static final int[] P = {37, 53, 71};
    private static final int[] Q = {101, 103, 107};

    /** m of operand w at element k. */
    public static int m(int w, long k) {
        return (int) ((k * P[w]) % Q[w]);
    }

    /** Operand w at element k as a double (bool: 1 or 0). */
    public static double value(int w, long k, String dtype) {
        int m = m(w, k);
        return switch (dtype) {
            case "float64", "float32" -> 0.5 + m / 128.0;
            case "int64", "int32" -> m - 50;
            case "bool" -> m < 50 ? 1 : 0;
            default -> throw new IllegalArgumentException("dtype " + dtype);
        };
    }

    /** The arithmetic expression of the per-dtype rows ({@code a & b | ~c} for bool). */
    public static String arithmetic(String dtype) {
        return dtype.equals("bool") ? "a & b | ~c" : "2*a + 3*b*c";
    }

    /** The comparison expression of the per-dtype rows ({@code where(a, b, c)} for bool). */
    public static String comparison(String dtype) {
        return dtype.equals("bool") ? "where(a, b, c)" : "where(a < b, a, c)";
    }

    /**
     * The exact float64 sum over n elements of {@code expr}, evaluated element by element in Java doubles (exact
     * here, see the class comment), for the benchmark's expressions: the slides' {@code a**2 + b**2 + 2*a*b} and
     * {@link #arithmetic}/{@link #comparison} of every dtype.
     */
    public static double checksum(String expr, String dtype, long n) {
        double s = 0;
        for (long k = 0; k < n; k++) {
            double a = value(0, k, dtype);
            double b = value(1, k, dtype);
            double c = value(2, k, dtype);
            s += switch (expr) {
                case "a**2 + b**2 + 2*a*b" -> a * a + b * b + 2 * a * b;
                case "2*a + 3*b*c" -> 2 * a + 3 * b * c;
                case "where(a < b, a, c)" -> a < b ? a : c;
                case "a & b | ~c" -> a == 1 && b == 1 || c == 0 ? 1 : 0;
                case "where(a, b, c)" -> a == 1 ? b : c;
                default -> throw new IllegalArgumentException("no reference for '" + expr + "'");
            };
        }
        return s;
    }

    /** The checksum line every program prints. */
    public static String checksumLine(double sum) {
        return String.format(Locale.ROOT, "checksum=%s", Double.toString(sum));
    }
}
