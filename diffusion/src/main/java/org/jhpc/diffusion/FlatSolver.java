package org.jhpc.diffusion;

/**
 * One flat row-major array per grid and one fused sweep per step ({@link Stencil#rows}): no Laplacian grid, half
 * the memory traffic of {@link LoopsSolver}. Also the base of the SIMD and threaded rungs, which only change the
 * kernel and the schedule.
 */
class FlatSolver implements Solver {
    protected final int n;
    protected final double coef;
    protected double[] cur;
    protected double[] next;

    FlatSolver(Diff2dProblem p) {
        n = p.npnts;
        coef = p.coef;
        cur = new double[Math.toIntExact(p.points())];
        next = new double[cur.length];
        for (int i = 1; i < n - 1; i++) p.initialRow(i, cur, i * n);
    }

    @Override
    public void advance(long steps) {
        for (long s = 0; s < steps; s++) {
            Stencil.rows(cur, next, n, coef, 1, n - 1);
            swap();
        }
    }

    protected final void swap() {
        double[] t = cur;
        cur = next;
        next = t;
    }

    @Override
    public Field density() {
        return Field.ofFlat(cur, n);
    }

    @Override
    public String kernel() {
        return "scalar (flat, one fused sweep)";
    }
}
