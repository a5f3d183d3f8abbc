package org.jhpc.auc;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.jhpc.core.CompensatedSum;
import org.jhpc.core.Config;

/**
 * {@link PartialSum} on the Vector API: {@link #ACC} accumulator vectors of L lanes (L = 8 with AVX-512), so one
 * iteration covers ACC·L consecutive points; lane l of accumulator k holds the points ≡ k·L + l (mod ACC·L).
 * Each point costs one multiply (x = i·dx), one multiply and two FMAs (f), one add into its accumulator and one
 * add to advance its index vector: six vector operations per L points.
 *
 * <p>Summation: every block of {@link #BLOCK_ITERS} iterations the accumulators are added into a total vector
 * with Kahan compensation; every chunk of {@link #CHUNK_BLOCKS} blocks the total's lanes are reduced in lane order
 * (not with {@code reduceLanes}, whose order is unspecified) and the chunk sums are added, again compensated, on
 * the scalar side; then the scalar tail. At 3·10⁷ points the rounding error stays near 1e-15.
 *
 * <p>JIT: all vector work happens inside {@link #chunk}, called once per 2¹⁶ points. The loop in {@link #sum} is
 * scalar, so while it is still interpreted it costs little (interpreted Vector API operations cost about a
 * microsecond each), and {@code chunk} is compiled by C2 as a whole method; {@link Warm} gets it there early.
 * Loaded only when SIMD is enabled.
 */
final class SimdPartialSum implements PartialSum {
    static final SimdPartialSum INSTANCE = new SimdPartialSum();

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Independent accumulators: enough to hide the add latency behind the multiplies and FMAs. */
    static final int ACC = 4;
    /** Iterations (of ACC·L points) per block, between compensated folds into the total vector. */
    static final int BLOCK_ITERS = 64;
    /** Blocks per call of {@link #chunk}. */
    static final int CHUNK_BLOCKS = 32;
    private static final double[] IOTA = new double[L];

    static {
        for (int l = 0; l < L; l++) IOTA[l] = l;
    }

    /** Constant vectors: coefficients of f, the per-iteration index step, lane indices 0 … L−1. */
    private static final DoubleVector C3V = DoubleVector.broadcast(S, Integrand.C3);
    private static final DoubleVector C2V = DoubleVector.broadcast(S, Integrand.C2);
    private static final DoubleVector C0V = DoubleVector.broadcast(S, Integrand.C0);
    private static final DoubleVector STEPV = DoubleVector.broadcast(S, ACC * L);
    private static final DoubleVector IOTAV = DoubleVector.fromArray(S, IOTA, 0);

    private SimdPartialSum() {}

    @Override
    public double sum(long i0, long i1, double dx) {
        if (WARM && i1 - i0 >= WARM_MIN_POINTS) Warm.ensure();
        final long step = (long) ACC * L;
        CompensatedSum total = new CompensatedSum();              // Kahan on the scalar side
        long i = i0;
        while (i1 - i >= step) {
            long iters = Math.min((i1 - i) / step, (long) BLOCK_ITERS * CHUNK_BLOCKS);
            total.add(chunk(i, (int) iters, dx));
            i += iters * step;
        }
        double tail = 0;
        for (; i < i1; i++) tail += Integrand.horner((double) i * dx);
        return total.totalWith(tail);
    }

    /** Σ f(j·dx) over the iters·ACC·L points from index i on, reduced to one double in a fixed order. */
    private static double chunk(long i, int iters, double dx) {
        DoubleVector vdx = DoubleVector.broadcast(S, dx);
        DoubleVector c3 = C3V, c2 = C2V, c0 = C0V, vstep = STEPV;
        DoubleVector j0 = IOTAV.add(i);   // exact: indices < 2^53
        DoubleVector j1 = j0.add(L), j2 = j0.add(2 * L), j3 = j0.add(3 * L);
        DoubleVector total = DoubleVector.zero(S), comp = total;
        for (int done = 0; done < iters; ) {
            int n = Math.min(iters - done, BLOCK_ITERS);
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
            DoubleVector y = a0.add(a1).add(a2.add(a3)).sub(comp);      // Kahan fold of the block
            DoubleVector t = total.add(y);
            comp = t.sub(total).sub(y);
            total = t;
            done += n;
        }
        double[] t = total.sub(comp).toArray();
        double s = 0;
        for (int l = 0; l < L; l++) s += t[l];
        return s;
    }

    /** Calls of at least this many points first wait for the JIT warm-up (a smaller call is over before it pays). */
    static final long WARM_MIN_POINTS = 1 << 20;
    /** {@code -Djhpc.auc.warm=false} skips the warm-up (to measure what it saves). */
    static final boolean WARM = Config.AUC_WARM.isOn();

    /**
     * JIT warm-up, once per JVM, on throwaway input: calls {@link #chunk} on one iteration (ACC·L points) at a time,
     * in batches, until a batch runs at compiled speed (C2 has replaced the interpreted and C1 code) or a cap is
     * reached. Interpreted Vector API operations cost microseconds each, and the JIT counts calls and loop
     * iterations rather than points: some ten thousand one-iteration calls reach C2 after a fraction of the
     * interpreted work that full-size calls need (cold 3·10⁷-point runs take about half as long; still ~0.1 s, see
     * bench/results). The results are discarded, so sums never depend on it. Class initialisation runs it once;
     * other threads wait for it. Capped at {@link #MAX_NANOS} (e.g. under {@code -Xint}).
     */
    static final class Warm {
        static final int BATCH = 256;
        static final long MAX_NANOS = 1_000_000_000L;
        /** A batch of BATCH one-iteration calls faster than this is compiled code (C2: ~10 µs, C1: ~1 ms). */
        static final long FAST_BATCH_NANOS = 100_000;
        static final double SINK;

        static {
            double sink = 0;
            long start = System.nanoTime(), t0 = start, t1;
            do {
                for (int k = 0; k < BATCH; k++) sink += chunk(k, 1, 1e-3);
                t1 = System.nanoTime();
                if (t1 - t0 < FAST_BATCH_NANOS) break;
                t0 = t1;
            } while (t1 - start < MAX_NANOS);
            SINK = sink;
        }

        static void ensure() {}
    }

    @Override
    public String describe() {
        return "simd " + (L * 64) + "-bit (" + L + " doubles) x " + ACC + " accumulators";
    }
}
