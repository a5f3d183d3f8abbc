package org.jhpc.diffusion;

/**
 * Temporal blocking with only two grids: {@code depth} time steps in one pass over the rows. Level L (1..depth)
 * computes time t+L; odd levels write {@code b} from {@code a}, even levels write {@code a} from {@code b}. At pass
 * position {@code it}, level L updates row {@code it-(L-1)}: the rows it reads from level L-1 (one above, one
 * below) were computed earlier in the pass and are overwritten by level L+1 only later, so each row is touched once
 * per pass while its neighbourhood is still in cache. Results are identical to {@code depth} ordinary steps.
 *
 * <p>Level L covers rows {@code [lo + (L-1)·shrinkLo, hi - (L-1)·shrinkHi)}. A side that does not shrink must
 * border a fixed row (the zero boundary); a shrinking side borders rows known only at time t (a halo), whose
 * validity recedes one row per level. After the pass, time t+depth is in {@code b} if depth is odd, else in {@code a}.
 */
public final class Wavefront {
    private Wavefront() {}

    public static void run(double[] a, double[] b, int n, double coef, RowKernel kernel, int depth,
                           int lo, int hi, int shrinkLo, int shrinkHi) {
        if (depth == 1) {
            for (int r = lo; r < hi; r++) kernel.row(a, b, n, coef, r);
            return;
        }
        int last = hi - 1 + depth - 1;
        for (int it = lo; it <= last; it++) {
            for (int level = 1; level <= depth; level++) {
                int r = it - (level - 1);
                int shift = level - 1;
                if (r < lo + shift * shrinkLo) break;           // deeper levels are further behind
                if (r >= hi - shift * shrinkHi) continue;
                if ((level & 1) == 1) kernel.row(a, b, n, coef, r);
                else kernel.row(b, a, n, coef, r);
            }
        }
    }

    /**
     * The deepest useful block for an {@code n}-wide grid: the (depth+2) rows of both grids that a pass keeps live
     * should fit in about {@code cacheBytes} of cache; at least 1, at most 8 (measured on the default case: 8 levels
     * beat 1, 4 and 16 by 2-15%, bench/results/diff2d-*).
     */
    public static int autoDepth(int n, long cacheBytes) {
        long rowBytes = 2L * n * Double.BYTES;
        long d = cacheBytes / rowBytes - 2;
        return (int) Math.max(1, Math.min(8, d));
    }
}
