package org.jhpc.auc;

/**
 * The slides' serial loop, statement for statement ({@code auc_serial.py}/{@code auc_serial.cpp}):
 * <pre>
 *   dx = 3.0/ntot; x = 0; a = 0
 *   for i in range(ntot): y = 0.7*x*x*x - 2*x*x + 4; a += y*dx; x += dx
 * </pre>
 * x advances by repeated addition, so its rounding errors accumulate (x drifts away from i·dx by up to about
 * i·ε·x), and a is one serial sum of ntot terms. At ntot = 3·10⁷ this gives 8.17499995268473 where the exact left
 * sum is 8.174999955000006: a difference of 2.3·10⁻⁹, all of it rounding. Java evaluates this strictly (no fused
 * multiply-add contraction), so the result is the same double the Python program and a C++ build with
 * {@code -ffp-contract=off} print.
 */
final class LoopsIntegrator implements Integrator {
    @Override
    public double area(long ntot) {
        double dx = Integrand.dx(ntot);
        double x = 0, a = 0;
        for (long i = 0; i < ntot; i++) {
            double y = Integrand.slides(x);
            a += y * dx;
            x += dx;
        }
        return a;
    }

    @Override
    public String kernel() {
        return "scalar loop, x += dx, one serial sum (the slides' algorithm)";
    }
}
