package org.jhpc.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.jhpc.core.Simd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * core's one SIMD switch reaches the engine: switched off ({@code --no-simd}, {@code JHPC_SIMD=off},
 * {@code -Djhpc.simd=false}, here {@link Simd#force}), every kernel is the scalar loop, so results equal the
 * element-by-element reference bit for bit, even for the transcendental functions whose vector forms may differ
 * in the last bit, and the fused (Vector API) tier never runs; switched on, results agree with the scalar ones
 * (bit for bit for + - * /, to 1e-15 relative for the functions). Sizes 1, 7, 1023 and 70001 (above the serial
 * cutoff and the fused tier's hotness threshold).
 */
class SimdSwitchTest {
    private static final String[] EXPRS = {
        "2*sin(a)*cos(b) + sqrt(a*b)", "exp(a) - log(b) + tanh(a*b)", "a*b + a/b - 3*a", "where(a > b, a**3, b/a)",
        "arctan2(a, b) + expm1(a) + arcsinh(b)", "sf*sf + sf/(sf + 1)", "sin(sf)*cos(sf)"};

    @BeforeEach
    void vectorOnlyMatters() {
        Assumptions.assumeTrue(Exec.VECTOR_LOADED, "jdk.incubator.vector is not loaded: SIMD cannot be switched on, "
                + "nothing to compare (surefire runs with --add-modules jdk.incubator.vector)");
    }

    @AfterEach
    void restore() {
        Simd.force(null);
    }

    private static Map<String, Object> inputs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = r.doubles(n, 0.1, 3).toArray();
        double[] b = r.doubles(n, 0.1, 3).toArray();
        float[] f = new float[n];
        for (int k = 0; k < n; k++) f[k] = (float) r.nextDouble(0.1, 3);
        return Map.of("a", NdArray.of(a), "b", NdArray.of(b), "sf", NdArray.of(f));
    }

    @Test
    void offMeansScalarKernelsAndNoFusedTier() {
        for (int n : new int[] {1, 7, 1023, 70_001}) {
            Map<String, Object> in = inputs(n, n);
            for (String src : EXPRS) {
                Simd.force(false);
                assertFalse(Exec.simd());
                Expr e = Expr.compile(src);
                NdArray off = null;
                for (int rep = 0; rep < 3; rep++) off = e.evaluate(in);       // hot: the fused tier would start
                assertTrue(e.tier(in).startsWith("interpreter") && e.tier(in).contains("scalar"), src + ": " + e.tier(in));
                Oracle.assertSame(src + " off vs reference, n=" + n, Reference.evaluate(e, in), off, 0);
                assertKernels(e, in, false);

                Simd.force(true);
                boolean exact = !src.matches(".*[a-z]{3,}\\(.*");
                e.compiled(in).frames.clear();                            // keep only frames used from now on
                boolean fusion = Expr.setFusion(false);
                try {
                    Oracle.assertSame(src + " on (interpreter) vs off, n=" + n, off, e.evaluate(in), exact ? 0 : 1e-15);
                } finally {
                    Expr.setFusion(fusion);
                }
                assertKernels(e, in, true);
                NdArray on = null;
                for (int rep = 0; rep < 3; rep++) on = e.evaluate(in);
                Oracle.assertSame(src + " on vs off, n=" + n, off, on, exact ? 0 : 1e-15);
            }
        }
    }

    /** The frames the last evaluation ran on used the vector kernels, or the scalar ones. */
    private static void assertKernels(Expr e, Map<String, Object> in, boolean simd) {
        var frames = e.compiled(in).frames;
        // a pool thread hands its frame back just after its last unit, which may be after evaluate() returned
        // (Pool.run waits for the units, not for the workers' done()): wait for it, up to a deadline
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (frames.isEmpty() && System.nanoTime() < deadline) Thread.onSpinWait();
        assertFalse(frames.isEmpty(), "no frame was used");
        for (Frame f : frames) assertEquals(simd, f.k.simd(), e.source());
    }

    @Test
    void reductionsAgreeOnAndOff() {
        Map<String, Object> in = inputs(50_000, 3);
        Simd.force(false);
        Expr e = Expr.compile("sum(a*b)");
        double off = e.evaluate(in).getDouble(0);
        Simd.force(true);
        double on = e.evaluate(in).getDouble(0);
        double exact = 0;
        double[] a = (double[]) ((NdArray) in.get("a")).data();
        double[] b = (double[]) ((NdArray) in.get("b")).data();
        for (int k = 0; k < a.length; k++) exact = Math.fma(a[k], b[k], exact);
        assertEquals(exact, off, 1e-10 * exact);
        assertEquals(off, on, 1e-12 * exact);
    }
}
