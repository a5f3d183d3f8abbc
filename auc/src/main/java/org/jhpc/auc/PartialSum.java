package org.jhpc.auc;

import org.jhpc.core.Simd;

/**
 * The one kernel every fast variant shares: s(i0, i1) = Σ_{i0 ≤ i < i1} f(i·dx), the unscaled partial left sum
 * over the index range [i0, i1), with x = i·dx computed afresh for each point (no drifting {@code x += dx}) and
 * f in the {@link Integrand#horner(double) Horner/FMA form}. Callers multiply the total by dx once.
 *
 * <p>Implementations keep several independent accumulators and fold them into a running total every block of a
 * few thousand points, which keeps the rounding error near n·ε·(block share) rather than n·ε, and end with a
 * reduction in a fixed order: the result depends only on (i0, i1, dx) and the kernel, never on timing. Indices
 * are exact as doubles up to 2⁵³.
 */
public interface PartialSum {
    /** Σ_{i0 ≤ i < i1} f(i·dx); 0 when i1 ≤ i0. */
    double sum(long i0, long i1, double dx);

    /** One line naming the kernel, e.g. {@code simd 512-bit (8 doubles) x 4 accumulators}. */
    String describe();

    /** The SIMD kernel when {@link Simd#enabled()}, else the scalar one. */
    static PartialSum best() {
        return Simd.enabled() ? SimdPartialSum.INSTANCE : ScalarPartialSum.INSTANCE;
    }
}
