package org.jhpc.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Python's {@code '%.Nf' % v} (and {@code '%f'}, N = 6): the exact binary value of the double rounded to N
 * decimals, ties to even, no exponent, no grouping; {@code inf}, {@code -inf}, {@code nan}. Java's own
 * {@code %f} rounds the shortest decimal representation half-up instead, so it disagrees on values such as
 * 0.125 ({@code %.2f}: Python 0.12, Java 0.13) and 2.675 (Python 2.67, Java 2.68).
 */
public final class PyFormat {
    private PyFormat() {}

    /** {@code '%.{digits}f' % v}; digits ≥ 0. */
    public static String fixed(double v, int digits) {
        if (digits < 0) throw new IllegalArgumentException("digits must be >= 0, got " + digits);
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        String s = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        if (v < 0 || (v == 0 && Double.doubleToRawLongBits(v) < 0)) {
            if (!s.startsWith("-")) s = "-" + s;      // Python keeps the sign of -0.0 and of tiny negatives
        }
        return s;
    }
}
