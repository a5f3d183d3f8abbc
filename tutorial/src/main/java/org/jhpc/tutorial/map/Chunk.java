package org.jhpc.tutorial.map;

import org.jhpc.auc.Integrand;
import org.jhpc.auc.PartialSum;
import org.jhpc.core.Ranges;

/**
 * One piece of the auc sum, the function that {@code Pool.map} maps: chunk k of {@code chunks} covers the indices
 * [start(k), start(k + 1)) of the ntot-point left sum (sizes differ by at most one), and {@link #sum()} returns
 * Σ f(i·dx) over them, unscaled, with jhpc's {@link PartialSum} kernel. A chunk's sum depends only on its range,
 * never on which thread computes it, so every executor below gives the same partial sums, bit for bit.
 */
public record Chunk(long i0, long i1, double dx) {
    /** Chunk k of {@code chunks} for ntot points. */
    public static Chunk of(long ntot, int chunks, int k) {
        return new Chunk(Ranges.start(ntot, chunks, k), Ranges.start(ntot, chunks, k + 1), Integrand.dx(ntot));
    }

    /** Σ_{i0 ≤ i < i1} f(i·dx). */
    public double sum() {
        return PartialSum.best().sum(i0, i1, dx);
    }
}
