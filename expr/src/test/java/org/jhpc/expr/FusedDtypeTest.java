package org.jhpc.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jhpc.core.Simd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fused tier on every dtype family it takes (float64, float32, int64, int32, bool) and on operands that are not
 * contiguous: its answers are bit for bit the interpreter's (fusion off) for arithmetic, comparisons, where, logical
 * and bitwise operations, integer powers and sqrt, at sizes 1, 7, 121, 1023 and 2^20+3, on 1 and 2 threads, for
 * contiguous operands at an offset, stride-2 and negative-stride views, scalar operands, broadcast rows and columns,
 * and strided outputs; with SIMD switched off the interpreter's scalar loops give the same bits. float32 stays
 * float32. Full reductions of every dtype give the same bits on 1, 2 and 3 threads, fused or not.
 */
class FusedDtypeTest {
    private int threads;
    private int cutoff;

    @BeforeEach
    void save() {
        Assumptions.assumeTrue(Exec.simd(), "the fused tier needs jdk.incubator.vector (surefire adds the module)");
        threads = Expr.setNumThreads(2);
        cutoff = Expr.setSerialCutoff(0);
        Expr.setFusion(true);
    }

    @AfterEach
    void restore() {
        Expr.setNumThreads(threads);
        Expr.setSerialCutoff(cutoff);
        Expr.setFusion(true);
        Simd.force(null);
    }

    /** Expressions per operand type (a, b, c all of that type); each is exact, so tiers must agree bit for bit. */
    private static final Map<DType, String[]> EXPRS = new LinkedHashMap<>();

    static {
        String[] numeric = {"2*a + 3*b*c", "where(a > b, a, c) - a*b", "a**3 - b*b + c**0", "-a + (b - c)*b",
            "(a < b) | (c == a) & ~(b >= c)", "where((a <= c) ^ (b != c), c*(a < b), c)"};
        EXPRS.put(DType.FLOAT64, concat(numeric, "a/b + sqrt(abs(c)) - a**-2", "0.25*(a < b) + c/3"));
        EXPRS.put(DType.FLOAT32, concat(numeric, "a/b + sqrt(abs(c)) - a**-2", "a*(a < b) + c/3"));
        EXPRS.put(DType.INT64, concat(numeric, "(a & b) | (c ^ ~a)", "a/b + c"));
        EXPRS.put(DType.INT32, concat(numeric, "(a & b) | (c ^ ~a)", "a - (b | 3)*c"));
        EXPRS.put(DType.BOOL, new String[] {"a & ~b | c", "where(a, b, c) ^ a", "(a == b) != c", "where(b, a, True)"});
    }

    private static String[] concat(String[] a, String... b) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(b));
        return l.toArray(String[]::new);
    }

    /** n random elements of type t: floats in (-3, 3) away from 0, integers in [-50, 50], bools. */
    private static NdArray random(DType t, int n, SplittableRandom r) {
        return switch (t) {
            case FLOAT64 -> NdArray.of(r.doubles(n, 0.1, 3).map(x -> r.nextBoolean() ? x : -x).toArray());
            case FLOAT32 -> {
                float[] f = new float[n];
                for (int k = 0; k < n; k++) f[k] = (float) ((r.nextBoolean() ? 1 : -1) * r.nextDouble(0.1, 3));
                yield NdArray.of(f);
            }
            case INT64 -> NdArray.of(r.longs(n, -50, 51).toArray());
            case INT32 -> NdArray.of(r.ints(n, -50, 51).toArray());
            case BOOL -> {
                boolean[] b = new boolean[n];
                for (int k = 0; k < n; k++) b[k] = r.nextBoolean();
                yield NdArray.of(b);
            }
            default -> throw new IllegalStateException();
        };
    }

    private static Object scalar(DType t, SplittableRandom r) {
        return random(t, 1, r).get(0);
    }

    /** Operand sets of one type and length n: name of the layout and the bindings. */
    private static Map<String, Map<String, Object>> layouts(DType t, int n, SplittableRandom r) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        m.put("offset", Map.of("a", random(t, n + 3, r).slice(3, n + 3), "b", random(t, n + 1, r).slice(1, n + 1),
                "c", random(t, n, r)));
        m.put("stride 2 / negative", Map.of("a", random(t, 2 * n + 1, r).slice(0, 1, 2 * n + 1, 2),
                "b", random(t, n + 2, r).slice(0, n + 1, 1, -1), "c", random(t, 3 * n, r).slice(0, 3 * n - 1, Integer.MIN_VALUE, -3)));
        m.put("scalar", Map.of("a", random(t, n, r), "b", NdArray.scalar(scalar(t, r)), "c", random(t, n, r).slice(0, n, Integer.MIN_VALUE, -1)));
        if (n <= 1023) {
            m.put("broadcast row and column (3, n)", Map.of("a", random(t, 3 * n, r).reshape(3, n), "b", random(t, n, r),
                    "c", random(t, 3, r).reshape(3, 1)));
        }
        return m;
    }

    /** Bit for bit: Float/Double equals compare bits (one NaN), the rest compare values. */
    private static void assertBits(String what, NdArray expected, NdArray actual) {
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertEquals(List.of(expected.shape().length), List.of(actual.shape().length), what + ": rank");
        long n = expected.size();
        assertEquals(n, actual.size(), what + ": size");
        for (long k = 0; k < n; k++) {
            if (!Objects.equals(expected.get(k), actual.get(k))) {
                fail(what + ": element " + k + " expected " + expected.get(k) + " but got " + actual.get(k));
            }
        }
    }

    private static NdArray interpreter(Expr e, Map<String, Object> in, NdArray out) {
        Expr.setFusion(false);
        try {
            return out == null ? e.evaluate(in) : e.evaluate(in, out);
        } finally {
            Expr.setFusion(true);
        }
    }

    @Test
    void fusedEqualsTheInterpreterBitForBitOnEveryDtypeAndLayout() {
        SplittableRandom r = new SplittableRandom(14);
        for (DType t : EXPRS.keySet()) {
            for (int n : new int[] {1, 7, 121, 1023, (1 << 20) + 3}) {
                for (Map.Entry<String, Map<String, Object>> lay : layouts(t, n, r).entrySet()) {
                    Map<String, Object> in = lay.getValue();
                    String[] exprs = EXPRS.get(t);
                    for (int q = 0; q < exprs.length; q++) {
                        if (n > 1023 && q > 1) continue;                  // the big size: two of them
                        String src = exprs[q];
                        String what = t + " n=" + n + " " + lay.getKey() + " '" + src + "'";
                        Expr e = Expr.compile(src);
                        NdArray ref = interpreter(e, in, null);
                        for (int th : new int[] {1, 2}) {
                            Expr.setNumThreads(th);
                            e.evaluate(in);
                            NdArray fused = e.evaluate(in);                // the second call is fused
                            assertTrue(e.tier(in).startsWith("fused"), what + ": " + e.tier(in));
                            assertBits(what + " threads=" + th, ref, fused);
                        }
                        if (t == DType.FLOAT32 && !src.contains("<")) assertEquals(DType.FLOAT32, ref.dtype(), what);
                    }
                }
            }
        }
    }

    @Test
    void stridedOutputsAndSimdOffGiveTheSameBits() {
        SplittableRandom r = new SplittableRandom(3);
        for (DType t : EXPRS.keySet()) {
            for (int n : new int[] {7, 1023, 70_001}) {
                Map<String, Object> in = layouts(t, n, r).get("stride 2 / negative");
                for (String src : EXPRS.get(t)) {
                    String what = t + " n=" + n + " '" + src + "'";
                    Expr e = Expr.compile(src);
                    NdArray ref = interpreter(e, in, null);
                    NdArray base = NdArray.zeros(ref.dtype(), 2 * n);
                    NdArray out = base.slice(0, 2 * n - 1, Integer.MIN_VALUE, -2);        // a negative-stride out
                    e.evaluate(in, out);
                    e.evaluate(in, out);
                    assertTrue(e.tier(in).startsWith("fused"), what + ": " + e.tier(in));
                    assertBits(what + " strided out", ref, out);
                    Simd.force(false);
                    try {
                        NdArray off = e.evaluate(in);
                        assertTrue(e.tier(in).startsWith("interpreter"), what + ": " + e.tier(in));
                        assertBits(what + " SIMD off", ref, off);
                    } finally {
                        Simd.force(null);
                    }
                }
            }
        }
    }

    @Test
    void functionsOfFloat32StayFloat32AndCloseToTheInterpreter() {
        SplittableRandom r = new SplittableRandom(8);
        for (int n : new int[] {1, 7, 121, 1023, 70_001}) {
            Map<String, Object> in = layouts(DType.FLOAT32, n, r).get("stride 2 / negative");
            for (String src : new String[] {"sin(a)*cos(b) + exp(c/4)", "arctan2(a, b) + tanh(c)", "log(abs(a)) + b**c"}) {
                Expr e = Expr.compile(src);
                NdArray ref = interpreter(e, in, null);
                e.evaluate(in);
                NdArray fused = e.evaluate(in);
                assertTrue(e.tier(in).startsWith("fused"), src + ": " + e.tier(in));
                assertEquals(DType.FLOAT32, fused.dtype(), src);
                Oracle.assertSame("float32 n=" + n + " '" + src + "'", ref, fused, 1e-5);
            }
        }
    }

    @Test
    void reductionsOfEveryDtypeIgnoreTheThreadCount() {
        SplittableRandom r = new SplittableRandom(21);
        for (DType t : EXPRS.keySet()) {
            for (int n : new int[] {7, 1023, (1 << 20) + 3}) {
                NdArray a = random(t, n + 1, r).slice(0, n, Integer.MIN_VALUE, -1);
                boolean real = t == DType.FLOAT64 || t == DType.FLOAT32;
                for (String red : new String[] {"sum", "prod", "min", "max"}) {
                    String src = red + (real ? "(1 + a/1000)" : "(a)");       // products of floats near 1
                    Map<String, Object> in = Map.of("a", a);
                    Expr e;
                    try {
                        e = Expr.compile(src);
                        e.evaluate(in);
                    } catch (ExprException refused) {
                        continue;                                            // e.g. min of bools, as numexpr
                    }
                    for (boolean fusion : new boolean[] {false, true}) {
                        Expr.setFusion(fusion);
                        Object first = null;
                        for (int th : new int[] {1, 2, 3}) {
                            Expr.setNumThreads(th);
                            e.evaluate(in);
                            Object v = e.evaluate(in).get(0);
                            if (first == null) first = v;
                            assertEquals(first, v, t + " n=" + n + " " + src + " fusion=" + fusion + " threads=" + th);
                        }
                    }
                }
            }
        }
    }
}
