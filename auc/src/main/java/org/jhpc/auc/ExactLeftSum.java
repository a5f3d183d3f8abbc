package org.jhpc.auc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * The exact left Riemann sum, the oracle every variant is tested against. With dx = 3/n taken as the exact
 * rational (not the rounded double) and the power sums P_k = Σ_{0 ≤ i < n} i^k,
 * <pre>
 *   P0 = n,   P2 = (n−1)·n·(2n−1)/6,   P3 = (n·(n−1)/2)²,
 *   A(n) = Σ_{0 ≤ i < n} dx·f(i·dx) = 0.7·dx⁴·P3 − 2·dx³·P2 + 4·dx·P0
 *        = (567·P3 − 540·n·P2 + 120·n⁴) / (10·n⁴)
 *        = (327n² − 54n + 207) / (40n²) = 8.175 − 1.35/n + 5.175/n².
 * </pre>
 * Computed in integers (BigInteger) and divided once to 40 significant digits, so {@link #value(long)} is the
 * double nearest to the exact sum. Replacing the real dx by the double 3.0/n changes the sum by a relative 1e-16
 * at most, far below the 1e-13 the tests allow.
 */
public final class ExactLeftSum {
    private ExactLeftSum() {}

    private static final MathContext MC = new MathContext(40);

    /** {numerator, denominator} of A(n) from the power sums, unreduced; n ≥ 1. */
    public static BigInteger[] rational(long ntot) {
        if (ntot < 1) throw new IllegalArgumentException("ntot must be >= 1, got " + ntot);
        BigInteger n = BigInteger.valueOf(ntot);
        BigInteger nm1 = n.subtract(BigInteger.ONE);
        BigInteger p2 = nm1.multiply(n).multiply(n.shiftLeft(1).subtract(BigInteger.ONE)).divide(BigInteger.valueOf(6));
        BigInteger half = n.multiply(nm1).shiftRight(1);
        BigInteger p3 = half.multiply(half);
        BigInteger n4 = n.pow(4);
        BigInteger num = BigInteger.valueOf(567).multiply(p3)
                .subtract(BigInteger.valueOf(540).multiply(n).multiply(p2))
                .add(BigInteger.valueOf(120).multiply(n4));
        return new BigInteger[] {num, BigInteger.TEN.multiply(n4)};
    }

    /** A(n) to 40 significant digits. */
    public static BigDecimal decimal(long ntot) {
        BigInteger[] q = rational(ntot);
        return new BigDecimal(q[0]).divide(new BigDecimal(q[1]), MC);
    }

    /** A(n) rounded to the nearest double. */
    public static double value(long ntot) {
        return decimal(ntot).doubleValue();
    }
}
