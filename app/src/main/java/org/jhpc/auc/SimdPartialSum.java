package org.jhpc.auc;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PartialSum} on the Vector API: {@link #ACC} accumulator vectors of L lanes (L = 8 with AVX-512), so one
 * iteration covers ACC·L consecutive points; lane l of accumulator k holds the points ≡ k·L + l (mod ACC·L).
 * Each point costs one multiply (x = i·dx), one multiply and two FMAs (f), one add into its accumulator and one
 * add to advance its index vector: six vector operations per L points. Every {@link #BLOCK_ITERS} iterations the
 * accumulators are added into a total vector with Kahan compensation (the rounding of 3·10⁷ points stays near
 * 1e-15); the total's lanes are added in lane order at the end (not with {@code reduceLanes}, whose order is
 * unspecified), then the scalar tail. The block is a method of its own so that C2 compiles it early as a whole
 * (a long inner loop would be compiled late, on-stack). Loaded only when SIMD is enabled.
 */
final class SimdPartialSum implements PartialSum {
    static final SimdPartialSum INSTANCE = new SimdPartialSum();

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Independent accumulators: enough to hide the add latency behind the multiplies and FMAs. */
    static final int ACC = 4;
    /** Iterations (of ACC·L points) between folds into the total. */
    static final int BLOCK_ITERS = 64;
    private static final double[] IOTA = new double[L];

    static {
        for (int l = 0; l < L; l++) IOTA[l] = l;
    }

    private SimdPartialSum() {}

    @Override
    public double sum(long i0, long i1, double dx) {
        final int step = ACC * L;
        DoubleVector vdx = DoubleVector.broadcast(S, dx);
        DoubleVector c3 = DoubleVector.broadcast(S, Integrand.C3);
        DoubleVector c2 = DoubleVector.broadcast(S, Integrand.C2);
        DoubleVector c0 = DoubleVector.broadcast(S, Integrand.C0);
        DoubleVector vstep = DoubleVector.broadcast(S, step);
        DoubleVector iota = DoubleVector.fromArray(S, IOTA, 0);
        DoubleVector total = DoubleVector.zero(S), comp = total;
        long i = i0;
        while (i1 - i >= step) {
            int n = (int) Math.min((i1 - i) / step, BLOCK_ITERS);
            DoubleVector y = block(iota.add(i), n, vdx, vstep, c3, c2, c0).sub(comp);   // Kahan: add the block
            DoubleVector t = total.add(y);                                               // sums with the bits
            comp = t.sub(total).sub(y);                                                  // the total drops
            total = t;
            i += (long) n * step;
        }
        double s = 0;
        double[] lanes = total.toArray(), comps = comp.toArray();
        for (int l = 0; l < L; l++) s += lanes[l] - comps[l];
        for (; i < i1; i++) s += Integrand.horner((double) i * dx);
        return s;
    }

    /** n iterations from index vector j0 (lanes i, i+1, …): the sum of the ACC accumulators, lane by lane. */
    private static DoubleVector block(DoubleVector j0, int n, DoubleVector vdx, DoubleVector vstep, DoubleVector c3,
            DoubleVector c2, DoubleVector c0) {
        DoubleVector j1 = j0.add(L), j2 = j0.add(2 * L), j3 = j0.add(3 * L);
        DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
        for (int k = 0; k < n; k++) {
            DoubleVector x0 = j0.mul(vdx), x1 = j1.mul(vdx), x2 = j2.mul(vdx), x3 = j3.mul(vdx);
            a0 = a0.add(x0.mul(x0).fma(x0.fma(c3, c2), c0));
            a1 = a1.add(x1.mul(x1).fma(x1.fma(c3, c2), c0));
            a2 = a2.add(x2.mul(x2).fma(x2.fma(c3, c2), c0));
            a3 = a3.add(x3.mul(x3).fma(x3.fma(c3, c2), c0));
            j0 = j0.add(vstep);
            j1 = j1.add(vstep);
            j2 = j2.add(vstep);
            j3 = j3.add(vstep);
        }
        return a0.add(a1).add(a2.add(a3));
    }

    @Override
    public String describe() {
        return "simd " + (L * 64) + "-bit (" + L + " doubles) x " + ACC + " accumulators";
    }
}
