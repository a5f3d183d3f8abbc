package org.jhpc.auc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jhpc.core.Simd;
import org.junit.jupiter.api.Test;

/** The kernels over odd sub-ranges against a naive serial loop. */
class PartialSumTest {
    private static double naive(long i0, long i1, double dx) {
        double s = 0;
        for (long i = i0; i < i1; i++) s += Integrand.horner(i * dx);
        return s;
    }

    private static void check(PartialSum k) {
        double dx = Integrand.dx(1_000_003);
        long[][] ranges = {{0, 0}, {5, 4}, {0, 1}, {3, 10}, {17, 17 + 31}, {17, 17 + 33}, {999, 999 + 4097},
                {123_457, 123_457 + 70_001}, {0, 1_000_003}};
        for (long[] r : ranges) {
            double want = naive(r[0], r[1], dx);
            assertEquals(want, k.sum(r[0], r[1], dx), 1e-13 * Math.max(1, Math.abs(want)),
                    k.describe() + " over [" + r[0] + ", " + r[1] + ")");
        }
    }

    @Test
    void scalarKernelMatchesNaiveLoop() {
        check(ScalarPartialSum.INSTANCE);
    }

    @Test
    void bestKernelMatchesNaiveLoop() {
        check(PartialSum.best());           // the SIMD kernel where the Vector API is on (surefire loads it)
    }

    @Test
    void simdCanBeSwitchedOff() {
        Simd.force(false);
        try {
            assertEquals(ScalarPartialSum.INSTANCE, PartialSum.best());
        } finally {
            Simd.force(null);
        }
    }

    @Test
    void integrandFormsAgree() {
        for (int i = 0; i <= 300; i++) {
            double x = i * 0.01;
            double exact = 0.7 * Math.pow(x, 3) - 2 * x * x + 4;
            assertEquals(exact, Integrand.slides(x), 1e-14);
            assertEquals(exact, Integrand.horner(x), 1e-14);
        }
        assertEquals(4.0, Integrand.horner(0), 0.0);
        assertEquals(0.7 * 27 - 18 + 4, Integrand.horner(3), 1e-15);
    }
}
