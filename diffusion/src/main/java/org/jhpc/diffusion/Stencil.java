package org.jhpc.diffusion;

/**
 * The one scalar statement of the explicit diffusion update, in the tutorial's operation order (which makes every
 * variant bit-identical to the Python program):
 * <pre>
 *   lapl[i][j] = dens[i+1][j] + dens[i-1][j] + dens[i][j+1] + dens[i][j-1] - 4*dens[i][j]
 *   next[i][j] = dens[i][j] + coef*lapl[i][j],          coef = (D/dx²)·dt
 * </pre>
 * {@link SimdStencil} is the same arithmetic on vectors, lane for lane.
 */
public final class Stencil {
    private Stencil() {}

    /** The 5-point Laplacian (times dx²), summed left to right as in the slides. */
    public static double laplacian(double down, double up, double right, double left, double centre) {
        return down + up + right + left - 4 * centre;
    }

    /** One explicit Euler step at a point. */
    public static double update(double centre, double coef, double laplacian) {
        return centre + coef * laplacian;
    }

    /**
     * Fused sweep over interior rows {@code [r0, r1)} of a flat row-major {@code n × n} grid: {@code dst} (modified)
     * at time t+1 from {@code src} (not modified) at time t. Columns 0 and n-1 are not written.
     */
    public static void rows(double[] src, double[] dst, int n, double coef, int r0, int r1) {
        for (int i = r0; i < r1; i++) {
            int row = i * n;
            for (int k = row + 1; k < row + n - 1; k++) {
                dst[k] = update(src[k], coef, laplacian(src[k + n], src[k - n], src[k + 1], src[k - 1], src[k]));
            }
        }
    }
}
