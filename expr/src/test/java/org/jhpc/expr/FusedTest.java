package org.jhpc.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated (fused) tier agrees with the reference and, on exact arithmetic, with the interpreter bit for bit. */
class FusedTest {
    private int threads;
    private int cutoff;

    @BeforeEach
    void save() {
        Assumptions.assumeTrue(Exec.simd(), "the fused tier needs jdk.incubator.vector");
        threads = Expr.setNumThreads(2);
        cutoff = Expr.setSerialCutoff(0);
        Expr.setFusion(true);
    }

    @AfterEach
    void restore() {
        Expr.setNumThreads(threads);
        Expr.setSerialCutoff(cutoff);
    }

    private static final String[] EXPRESSIONS = {
        "a**2 + b**2 + 2*a*b", "2*sin(a)*cos(b) + sqrt(a*b)", "a*k - 1/(a+1)**3", "-a**4 + b**-2 - a**0 + a**7",
        "arctan2(a, b) + tanh(a) - exp(-b) + log1p(b) + log(b) + log10(b) + expm1(a)",
        "abs(a - b)**0.5 + (b + 1)**a", "arcsin(a/4) + arccos(a/4) + arctan(a) + sinh(a) + cosh(b) + tan(a)",
        "(a + k) / (b + k) - k * 3",
        "where(a > b, a, b) + where((a < 0) | ~(b >= 1) & (a != k), a*b, -1)", "where(a == a, sqrt(a), 0)",
    };

    @Test
    void fusedAgreesWithTheReferenceAtAwkwardSizes() {
        Random r = new Random(11);
        for (int n : new int[] {1, 7, 1023, 4097, 16_385 + 3}) {
            double[] a = r.doubles(n + 5, -3, 3).toArray();
            double[] b = r.doubles(n + 5, 0.1, 3).toArray();
            Map<String, Object> ops = Map.of("a", NdArray.of(a).slice(2, 2 + n), "b", NdArray.of(b).slice(5, 5 + n), "k", 0.75);
            for (String src : EXPRESSIONS) {
                Expr e = Expr.compile(src);
                NdArray ref = Reference.evaluate(e, ops);
                for (int call = 0; call < 3; call++) {            // the second call generates the fused loop
                    Oracle.assertSame("n=" + n + " call " + call + " '" + src + "'", ref, e.evaluate(ops), 1e-12);
                }
                assertTrue(e.tier(ops).startsWith("fused"), src + ": " + e.tier(ops));
            }
        }
    }

    @Test
    void fusedIsBitIdenticalToTheInterpreterOnExactArithmetic() {
        Random r = new Random(5);
        int n = 50_001;
        double[] a = r.doubles(n, -1, 1).toArray();
        double[] b = r.doubles(n, -1, 1).toArray();
        Expr e = Expr.compile("a + k*(b + a + b - 4*a) - a**3/(b*b + 1)");
        Map<String, Object> ops = Map.of("a", a, "b", b, "k", 0.2);
        Expr.setFusion(false);
        NdArray interp = e.evaluate(ops);
        Expr.setFusion(true);
        e.evaluate(ops);
        NdArray fused = e.evaluate(ops);
        assertTrue(e.tier(ops).startsWith("fused"), e.tier(ops));
        for (int k = 0; k < n; k++) assertEquals(interp.getDouble(k), fused.getDouble(k), 0.0, "element " + k);
    }

    @Test
    void fusedReductionsAgreeWithTheReferenceAndIgnoreTheThreadCount() {
        Random r = new Random(9);
        for (int n : new int[] {1, 7, 4097, 16_384 * 3 + 5}) {
            double[] a = r.doubles(n, -1, 1).toArray();
            double[] b = r.doubles(n, 0.5, 1.5).toArray();
            Map<String, Object> ops = Map.of("a", a, "b", b, "k", 0.5);
            for (String src : new String[] {"sum(a)", "sum(0.7*a*a*a - 2*a*a + 4)", "prod(1 + a/1000)",
                    "sum(where(a > 0, sin(a), b*k))"}) {
                Expr e = Expr.compile(src);
                double ref = Reference.evaluate(e, ops).getDouble(0);
                Expr.setNumThreads(1);
                e.evaluate(ops);
                double one = e.evaluate(ops).getDouble(0);
                assertTrue(e.tier(ops).startsWith("fused"), src + ": " + e.tier(ops));
                Expr.setNumThreads(3);
                double three = e.evaluate(ops).getDouble(0);
                assertEquals(one, three, 0.0, src + " n=" + n + ": thread count changed the result");
                assertEquals(ref, one, 1e-12 * n, src + " n=" + n);
            }
        }
    }

    @Test
    void programsMixingLaneWidthsAndAxisReductionsStayInTheInterpreter() {
        assertTrue(Fused.eligible(program("i + 1", DType.INT64)));
        assertTrue(Fused.eligible(program("a + 1", DType.FLOAT64)));
        assertTrue(Fused.eligible(program("where(a > 1, a, 2)", DType.FLOAT64)));
        assertTrue(Fused.eligible(program("a > 1", DType.FLOAT32)));
        assertFalse(Fused.eligible(program("a * 2.5", DType.INT32)));          // int32 -> float64: two widths
        assertFalse(Fused.eligible(program("a % 3", DType.INT64)));            // no vector form
        assertFalse(Fused.eligible(program("sum(a, axis=0)", DType.FLOAT64)));
        assertTrue(Fused.eligible(program("max(a)", DType.INT64)));
    }

    private static Program program(String src, DType t) {
        return Program.compile(src, TypeChecker.check(src, Parser.parse(src), n -> t, true), Map.of());
    }
}
