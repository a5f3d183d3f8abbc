package org.jhpc.diffusion;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jhpc.core.Variant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Analytic oracle: u[i][j] = sin(πki/(N+1))·sin(πlj/(N+1)) is an eigenvector of the 5-point Laplacian with zero
 * boundary, eigenvalue 2cos(πk/(N+1)) + 2cos(πl/(N+1)) − 4, so each explicit step multiplies it by exactly
 * g = 1 + coef·(2cos(πk/(N+1)) + 2cos(πl/(N+1)) − 4).
 */
class EigenmodeTest {
    @ParameterizedTest(name = "N={0} k={1} l={2} {3} threads={4}")
    @CsvSource({
        "1, 1, 1, flat, 1", "7, 1, 2, simd, 1", "7, 3, 5, threads, 3", "121, 2, 1, loops, 1", "121, 5, 7, threads, 2",
        "1023, 1, 1, simd, 1", "1023, 3, 2, threads, 2", "1023, 2, 5, threads, 5", "121, 1, 1, lists, 1"})
    void decaysByTheExactFactor(int N, int k, int l, String variant, int threads) {
        Diff2dParams params = Diff2dTesting.params("x1=0", "x2=" + N, "dx=1", "D=1", "runtime=1.0", "outtime=0.25");
        Diff2dProblem base = new Diff2dProblem(params);
        double a = Math.PI * k / (N + 1), b = Math.PI * l / (N + 1);
        Diff2dProblem p = base.withInitial((i, j) -> Math.sin(a * i) * Math.sin(b * j));
        double g = 1 + p.coef * (2 * Math.cos(a) + 2 * Math.cos(b) - 4);
        Diff2dTesting.Outcome o = Diff2dTesting.run(p, Variant.parse(variant), threads, 0);
        double amp = Math.pow(g, p.nsteps);
        double err = 0;
        for (int i = 0; i < p.npnts; i++) {
            for (int j = 0; j < p.npnts; j++) {
                double exact = (i == 0 || j == 0 || i == p.npnts - 1 || j == p.npnts - 1) ? 0 : amp * p.initial(i, j);
                err = Math.max(err, Math.abs(o.field()[i * p.npnts + j] - exact));
            }
        }
        assertTrue(p.nsteps == 4, "four steps of dt = 0.25");
        assertTrue(err < 1e-13, "max error against the exact decay: " + err + " (g = " + g + ")");
    }
}
