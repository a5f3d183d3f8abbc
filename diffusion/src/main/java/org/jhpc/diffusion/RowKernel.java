package org.jhpc.diffusion;

/**
 * Updates one interior row {@code i} of a flat row-major {@code n × n} grid: {@code dst} (modified) at time t+1 from
 * {@code src} (not modified) at time t, columns 1..n-2. Implementations differ only in instruction set.
 */
@FunctionalInterface
public interface RowKernel {
    void row(double[] src, double[] dst, int n, double coef, int i);

    /** The scalar kernel ({@link Stencil#rows}). */
    RowKernel SCALAR = (src, dst, n, coef, i) -> Stencil.rows(src, dst, n, coef, i, i + 1);

    /** The SIMD kernel when {@link org.jhpc.core.Simd#enabled()}, else the scalar one. */
    static RowKernel best() {
        return org.jhpc.core.Simd.enabled() ? SimdStencil.kernel() : SCALAR;
    }
}
