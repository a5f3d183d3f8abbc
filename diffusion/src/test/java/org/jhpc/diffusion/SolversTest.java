package org.jhpc.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jhpc.core.UserError;
import org.jhpc.core.Variant;
import org.junit.jupiter.api.Test;

class SolversTest {
    @Test
    void fastestDependsOnTheWorkAndTheCores() {
        Diff2dProblem slides = new Diff2dProblem(Diff2dParams.defaults());            // 2.4e8 updates
        Diff2dProblem longer = new Diff2dProblem(Diff2dTesting.params("runtime=75"));  // 1.2e9 updates
        assertEquals(Variant.SIMD, Solvers.fastest(slides, 2, false));
        assertEquals(Variant.THREADS, Solvers.fastest(longer, 2, false));
        assertEquals(Variant.SIMD, Solvers.fastest(longer, 1, false));
        assertEquals(Variant.SIMD, Solvers.fastest(longer, 2, true), "a busy machine: one thread");
        assertEquals(Variant.SIMD, Solvers.fastest(longer, 1), "one thread asked for: simd, whatever the load");
    }

    @Test
    void badOptionsAreNamed() {
        UserError e = assertThrows(UserError.class, () -> new Diff2dOptions(Variant.SIMD, 0, 0));
        assertEquals("--threads must be >= 1, got 0", e.getMessage());
        e = assertThrows(UserError.class, () -> new Diff2dOptions(Variant.SIMD, 1, -1));
        assertEquals("--depth must be >= 0 (0 = automatic), got -1", e.getMessage());
        assertTrue(Solvers.LOCAL.contains(Variant.EXPR));
    }
}
