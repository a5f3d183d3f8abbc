package org.jhpc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The compensated sum against exact decimal sums, where the plain sum drifts. */
class CompensatedSumTest {
    @Test
    void tenMillionTenthsSumToTheNearestDouble() {
        int n = 10_000_000;
        CompensatedSum s = new CompensatedSum();
        double plain = 0;
        for (int i = 0; i < n; i++) {
            s.add(0.1);
            plain += 0.1;
        }
        double exact = new BigDecimal(0.1).multiply(BigDecimal.valueOf(n)).doubleValue();
        assertEquals(exact, s.total(), Math.ulp(exact));
        assertNotEquals(exact, plain, "the plain sum drifts (else this test shows nothing)");
        assertEquals(exact, s.totalWith(0.0), Math.ulp(exact));
    }

    @Test
    void smallTermsAfterALargeOneAreKept() {
        CompensatedSum s = new CompensatedSum().add(1e16);
        for (int i = 0; i < 1000; i++) s.add(1.0);
        s.add(-1e16);
        assertEquals(1000.0, s.total(), 0.0);
        assertEquals(1000.5, s.totalWith(0.5), 0.0);
    }
}
