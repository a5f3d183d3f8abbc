package org.jhpc.auc;

/**
 * One rung of the ladder for the auc workload: computes the left Riemann sum of {@link Integrand} over [0, 3]
 * with {@code ntot} points, A(ntot) = Σ_{0 ≤ i < ntot} f(x_i)·dx with dx = 3.0/ntot. How x_i is formed and in
 * which order the terms are added is the variant's business (and its documented rounding behaviour); every
 * variant is within 1e-13 (relative) of {@link ExactLeftSum} for the sizes the tests check, {@code loops} within the
 * 1e-9 its {@code x += dx} drift costs. Built by {@link Integrators}.
 * An integrator may hold threads or other resources: close it.
 */
public interface Integrator extends AutoCloseable {
    /** The left Riemann sum with ntot ≥ 1 points. */
    double area(long ntot);

    /** One line describing what runs, e.g. {@code simd 512-bit (8 doubles) x 4 accumulators, 2 threads}. */
    String kernel();

    @Override
    default void close() {}
}
