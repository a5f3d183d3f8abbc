package org.jhpc.benchmark;

/**
 * The MPI scaling model of diff2d, in the shape of jhpc's {@code mpi} variant: the n² interior cut into blocks over
 * a px × py grid of ranks (px·py = P, px ≤ py, as near square as P's divisors allow, like MPI_Dims_create); every
 * step each rank updates its block and swaps one-point halos with its up to four neighbours by {@code sendrecv}.
 * One step then costs
 * <pre>
 *   T(P) = (n² / P) / R  +  H(P),
 *   H(P) = Σ over the dimensions cut (p > 1) of  2 · (α + 8·edge / β)      (0 when P = 1: no halo calls)
 * </pre>
 * with R the rank's (or node's) kernel rate in cell updates per second, α the one-way latency of a message, β the
 * bandwidth in bytes per second, and edge the block's side along the halo (n/px for rows, n/py for columns). The
 * two directions of a dimension are two {@code sendrecv} calls, each moving one edge each way at once (full
 * duplex). What the model leaves out: the wait for the slowest neighbour (load imbalance, noise: it only grows with
 * P), network contention, the column packing, and the printed times' gathers (one every {@code outtime}).
 */
public record ScalingModel(double rate, double alpha, double beta) {
    /** px for P ranks: the largest divisor of P not above √P. */
    public static int px(int p) {
        int best = 1;
        for (int d = 1; (long) d * d <= p; d++) if (p % d == 0) best = d;
        return best;
    }

    /** Halo seconds per step for an n² interior on P ranks. */
    public double halo(long n, int p) {
        if (p <= 1) return 0;
        int px = px(p), py = p / px;
        double h = 0;
        if (py > 1) h += 2 * (alpha + 8.0 * Math.ceil((double) n / px) / beta);   // rows to the upper and lower neighbours
        if (px > 1) h += 2 * (alpha + 8.0 * Math.ceil((double) n / py) / beta);   // columns to the left and right
        return h;
    }

    /** Compute seconds per step for an n² interior on P ranks at {@link #rate}. */
    public double compute(long n, int p) {
        return (double) n * n / p / rate;
    }

    /** Seconds per step. */
    public double step(long n, int p) {
        return compute(n, p) + halo(n, p);
    }

    /** Strong scaling: the speed-up T(1)/T(P) of a fixed n². */
    public double strongSpeedup(long n, int p) {
        return step(n, 1) / step(n, p);
    }

    /** Weak scaling: the efficiency T(1)/T(P) with m² points per rank (the grid is m·√P on a side). */
    public double weakEfficiency(long m, int p) {
        long n = Math.round(m * Math.sqrt(p));
        return step(m, 1) / step(n, p);
    }

    /** The smallest P (of those listed) at which strong-scaling efficiency drops below {@code e}; -1 if none. */
    public int strongLimit(long n, int[] ps, double e) {
        for (int p : ps) if (strongSpeedup(n, p) / p < e) return p;
        return -1;
    }
}
