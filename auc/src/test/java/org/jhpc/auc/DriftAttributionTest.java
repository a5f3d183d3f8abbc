package org.jhpc.auc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jhpc.core.CompensatedSum;
import org.junit.jupiter.api.Test;

/**
 * Backs the README's account of why {@code loops} and {@code simd} differ at 3·10⁷ points: nearly all of loops'
 * 2.3e-9 error comes from x drifting under {@code x += dx}, not from the long serial sum.
 */
class DriftAttributionTest {
    static final long N = 30_000_000L;

    @Test
    void driftOfXNotTheSerialSumExplainsLoopsError() {
        double dx = Integrand.dx(N), exact = ExactLeftSum.value(N);
        double x = 0, serialIndexed = 0;
        CompensatedSum drifting = new CompensatedSum();
        for (long i = 0; i < N; i++) {
            double xi = i * dx;
            serialIndexed += Integrand.slides(xi) * dx;                     // x = i·dx, one serial sum
            drifting.add(Integrand.slides(x) * dx);                          // x += dx, compensated sum
            x += dx;
        }
        double kahanDrifting = drifting.total();
        assertEquals(3.0 - 1.3e-9, x, 0.1e-9);                               // x ends 1.3e-9 short of 3
        assertEquals(exact, serialIndexed, 1e-11);                            // serial sum alone: ~1.5e-12
        assertEquals(-2.31e-9, kahanDrifting - exact, 0.02e-9);              // drift alone: the whole error
        double loops = Integrators.create(org.jhpc.core.Variant.LOOPS, 1).area(N);
        assertEquals(-2.315e-9, loops - exact, 0.01e-9);
        assertTrue(Math.abs(loops - kahanDrifting) < 1e-11);
    }
}
