package org.jhpc.auc;

/**
 * The tutorial's integrand and interval: y = f(x) = 0.7x³ − 2x² + 4 on [0, 3].
 *
 * <p>Its exact integral is ∫₀³ f(x) dx = 0.7·3⁴/4 − 2·3³/3 + 4·3 = 14.175 − 18 + 12 = 8.175. The workload samples f
 * on a uniform grid of {@code ntot} points x_i = i·dx, dx = 3/ntot, i = 0 … ntot−1, and adds dx·f(x_i): the left
 * Riemann sum, whose exact value is 8.175 − 1.35/ntot + 5.175/ntot² (see {@link ExactLeftSum}).
 *
 * <p>Two floating-point forms of the same polynomial: {@link #slides(double)} keeps the tutorial's operation order
 * ({@code 0.7*x*x*x - 2*x*x + 4}: five multiplications, two additions, each rounded) so the {@code loops} variant
 * reproduces the slides' result bit for bit; {@link #horner(double)} is 4 + x²·(0.7x − 2) with two fused
 * multiply-adds, the form every fast kernel (scalar and SIMD) evaluates. They differ by a few ulps at most.
 */
public final class Integrand {
    private Integrand() {}

    /** Width of the interval (the slides' {@code width = 3.0}); dx = WIDTH / ntot. */
    public static final double WIDTH = 3.0;
    /** Coefficients of f(x) = C3·x³ + C2·x² + C0. */
    public static final double C3 = 0.7, C2 = -2.0, C0 = 4.0;
    /** ∫₀³ f(x) dx. */
    public static final double EXACT_INTEGRAL = 8.175;
    /**
     * Floating-point operations per point in the cost model every rate line uses: the slides' loop body as written,
     * {@code y = 0.7*x*x*x - 2*x*x + 4} (5 multiplications, 2 additions), {@code a += y*dx} (2) and
     * {@code x += dx} (1). The same nominal count is used for every variant, so rates compare like times.
     */
    public static final int FLOPS_PER_POINT = 10;

    /** The grid spacing for ntot points, computed as the slides do: {@code 3.0/ntot}. */
    public static double dx(long ntot) {
        return WIDTH / ntot;
    }

    /** f(x) in the slides' operation order: {@code 0.7*x*x*x - 2*x*x + 4}. */
    public static double slides(double x) {
        return 0.7 * x * x * x - 2 * x * x + 4;
    }

    /** f(x) as 4 + x²·(0.7x − 2) with fused multiply-adds: {@code fma(x*x, fma(x, 0.7, -2), 4)}. */
    public static double horner(double x) {
        return Math.fma(x * x, Math.fma(x, C3, C2), C0);
    }
}
