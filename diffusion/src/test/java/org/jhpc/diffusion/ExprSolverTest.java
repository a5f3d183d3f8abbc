package org.jhpc.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.jhpc.core.Variant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expr variant prints the same times and ends with the same field, bit for bit, as the flat variant. */
class ExprSolverTest {
    @ParameterizedTest(name = "{0} interior points, {1} threads")
    @CsvSource({"1, 1", "7, 2", "121, 2", "121, 1", "301, 2"})
    void identicalToFlat(int nrows, int threads) {
        double dx = 1.0 / nrows * (1 - 1e-9);
        double dt = 0.25 * dx * dx;
        Diff2dParams params = new Diff2dParams(1.0, 0.0, 1.0, 40.5 * dt, dx, 10 * dt, false);
        Diff2dProblem p = new Diff2dProblem(params);
        assertEquals(nrows, p.nrows);
        StringWriter flatOut = new StringWriter();
        StringWriter exprOut = new StringWriter();
        try (Solver flat = Solvers.create(p, new Diff2dOptions(Variant.FLAT, 1, 1));
             Solver expr = Solvers.create(p, new Diff2dOptions(Variant.EXPR, threads, 1))) {
            Diff2dRun.run(p, flat, new PrintWriter(flatOut), List.of());
            Diff2dRun.run(p, expr, new PrintWriter(exprOut), List.of());
            assertEquals(flatOut.toString(), exprOut.toString());
            Field a = flat.density();
            Field b = expr.density();
            double max = 0;
            for (int i = 0; i < p.npnts; i++) {
                for (int j = 0; j < p.npnts; j++) max = Math.max(max, Math.abs(a.get(i, j) - b.get(i, j)));
            }
            assertEquals(0.0, max, "max |flat - expr|");
            assertEquals(0.0, b.get(p.npnts / 2, 0), "boundary column stays zero");
            assertEquals(0.0, b.get(p.npnts / 2, p.npnts - 1), "boundary column stays zero");
        }
    }
}
