package org.jhpc.core;

/**
 * The one compensated (Kahan) sum: adds terms while carrying the rounding error of each addition, so that the
 * total of n terms is off by about 2ε·Σ|tᵢ| instead of n·ε·Σ|tᵢ|. Step by step, with c the carried error:
 * <pre>
 *   y = t − c;   s' = s + y;   c = (s' − s) − y;   s = s'
 * </pre>
 * and {@link #total()} is s − c. The order of additions is the order of the calls, so a fixed order gives a fixed
 * result. Kernels fold block sums into one of these (a few adds per thousands of points); it is small enough that
 * the JIT keeps it in registers.
 */
public final class CompensatedSum {
    private double sum;
    private double comp;

    /** Adds one term. */
    public CompensatedSum add(double term) {
        double y = term - comp;
        double t = sum + y;
        comp = (t - sum) - y;
        sum = t;
        return this;
    }

    /** The compensated total of the terms so far. */
    public double total() {
        return sum - comp;
    }

    /** The total of the terms so far with {@code tail} (uncompensated terms summed apart) added: sum + (tail − c). */
    public double totalWith(double tail) {
        return sum + (tail - comp);
    }
}
