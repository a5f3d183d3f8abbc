package org.jhpc.auc;

/**
 * The {@link PartialSum} kernel over the whole index range on the calling thread: A = dx · s(0, ntot), with
 * x = i·dx for each point and many partial sums (SIMD lanes × accumulators × blocks). Uses the scalar kernel when
 * the Vector API is off.
 */
final class SimdIntegrator implements Integrator {
    private final PartialSum kernel = PartialSum.best();

    @Override
    public double area(long ntot) {
        double dx = Integrand.dx(ntot);
        return kernel.sum(0, ntot, dx) * dx;
    }

    @Override
    public String kernel() {
        return kernel.describe();
    }
}
