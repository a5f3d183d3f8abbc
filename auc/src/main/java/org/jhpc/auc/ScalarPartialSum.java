package org.jhpc.auc;

import org.jhpc.core.CompensatedSum;

/**
 * {@link PartialSum} in plain Java: four interleaved accumulators (points i, i+1, i+2, i+3 go to different ones, so
 * the four add chains overlap in the pipeline), folded into the total every {@link #BLOCK} points with Kahan
 * compensation. The fallback when the Vector API is off; same structure as the SIMD kernel, fewer partial sums, so
 * the two agree to about 1e-15 rather than bit for bit.
 */
final class ScalarPartialSum implements PartialSum {
    static final ScalarPartialSum INSTANCE = new ScalarPartialSum();

    /** Points per block between folds into the total (a multiple of 4). */
    static final int BLOCK = 4096;

    private ScalarPartialSum() {}

    @Override
    public double sum(long i0, long i1, double dx) {
        CompensatedSum total = new CompensatedSum();
        long i = i0;
        while (i1 - i >= 4) {
            int n = (int) Math.min((i1 - i) / 4, BLOCK / 4);
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            double j = i;                         // exact: i < 2^53
            for (int k = 0; k < n; k++, j += 4) {
                a0 += Integrand.horner(j * dx);
                a1 += Integrand.horner((j + 1) * dx);
                a2 += Integrand.horner((j + 2) * dx);
                a3 += Integrand.horner((j + 3) * dx);
            }
            total.add((a0 + a1) + (a2 + a3));                 // Kahan-compensated fold of the block sum
            i += 4L * n;
        }
        double tail = 0;
        for (; i < i1; i++) tail += Integrand.horner((double) i * dx);
        return total.totalWith(tail);
    }

    @Override
    public String describe() {
        return "scalar x 4 accumulators";
    }
}
