package org.jhpc.diffusion;

import org.jhpc.core.Simd;

/**
 * The flat grids with the SIMD row kernel ({@link SimdStencil}, or the scalar one when SIMD is off) and temporal
 * blocking ({@link Wavefront}): {@code depth} steps per pass over memory. depth 1 is the plain one-sweep schedule.
 */
final class SimdSolver extends FlatSolver {
    /** Cache budget for the rows a wavefront pass keeps live (about half of a typical per-core L2). */
    static final long CACHE_BYTES = 512 * 1024;

    private final RowKernel kernel = RowKernel.best();
    private final int depth;

    SimdSolver(Diff2dProblem p, int depth) {
        super(p);
        this.depth = depth > 0 ? depth : Wavefront.autoDepth(n, CACHE_BYTES);
    }

    @Override
    public void advance(long steps) {
        while (steps > 0) {
            int d = (int) Math.min(depth, steps);
            Wavefront.run(cur, next, n, coef, kernel, d, 1, n - 1, 0, 0);
            if ((d & 1) == 1) swap();
            steps -= d;
        }
    }

    @Override
    public String kernel() {
        return Simd.describe() + ", wavefront depth " + depth;
    }
}
