package org.jhpc.auc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The oracle against two independent computations: term-by-term exact rational sums and the simplified form. */
class ExactLeftSumTest {
    /** Σ_{i<n} (3/n)·f(3i/n) summed term by term in exact rationals, with f's coefficients 7/10, −2, 4. */
    private static BigInteger[] bruteForce(int n) {
        // Common denominator 10·n⁴: term_i = 3/n · (7/10·27i³/n³ − 2·9i²/n² + 4) = (567 i³ − 540 n i² + 120 n³)/(10 n⁴)
        BigInteger num = BigInteger.ZERO;
        BigInteger bn = BigInteger.valueOf(n);
        for (int i = 0; i < n; i++) {
            BigInteger bi = BigInteger.valueOf(i);
            num = num.add(BigInteger.valueOf(567).multiply(bi.pow(3)))
                    .subtract(BigInteger.valueOf(540).multiply(bn).multiply(bi.pow(2)))
                    .add(BigInteger.valueOf(120).multiply(bn.pow(3)));
        }
        return new BigInteger[] {num, BigInteger.TEN.multiply(bn.pow(4))};
    }

    private static void assertSameRational(BigInteger[] a, BigInteger[] b) {
        assertEquals(a[0].multiply(b[1]), b[0].multiply(a[1]), "cross products differ");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 10, 121, 1023})
    void powerSumsEqualTermByTermSum(int n) {
        assertSameRational(ExactLeftSum.rational(n), bruteForce(n));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 121, 1_000_003, 30_000_000, 4_000_000_000L, Long.MAX_VALUE})
    void powerSumsEqualSimplifiedForm(long ntot) {
        BigInteger n = BigInteger.valueOf(ntot);
        BigInteger[] simple = {BigInteger.valueOf(327).multiply(n.pow(2)).subtract(BigInteger.valueOf(54).multiply(n))
                .add(BigInteger.valueOf(207)), BigInteger.valueOf(40).multiply(n.pow(2))};
        assertSameRational(ExactLeftSum.rational(ntot), simple);
    }

    @Test
    void knownValues() {
        assertEquals(12.0, ExactLeftSum.value(1), 0.0);                  // 3·f(0)
        assertEquals(8.174999955000006, ExactLeftSum.value(30_000_000), 0.0);   // the figure
        assertEquals(Integrand.EXACT_INTEGRAL, ExactLeftSum.value(Long.MAX_VALUE), 1e-15);
    }

    @Test
    void rejectsNonPositiveCounts() {
        assertThrows(IllegalArgumentException.class, () -> ExactLeftSum.rational(0));
    }
}
