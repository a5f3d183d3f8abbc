package org.jhpc.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generated expressions of every type family, over contiguous, strided and transposed views and scalars, at
 * awkward sizes with block sizes and thread counts that do not divide them, against the reference evaluator.
 */
class DifferentialTest {
    private int threads;
    private int block;
    private int cutoff;
    private boolean fusion;

    @BeforeEach
    void save() {
        threads = Expr.numThreads();
        block = Expr.blockSize();
        cutoff = Expr.setSerialCutoff(0);
        fusion = Expr.setFusion(true);
    }

    @AfterEach
    void restore() {
        Expr.setNumThreads(threads);
        Expr.setBlockSize(block);
        Expr.setSerialCutoff(cutoff);
        Expr.setFusion(fusion);
    }

    /** Random expressions over variables a, b (float64), i (int64), j (int32), c (complex), s, n (scalars). */
    static final class Gen {
        final Random r;

        Gen(long seed) {
            r = new Random(seed);
        }

        String pick(String... s) {
            return s[r.nextInt(s.length)];
        }

        String f(int d) {
            if (d <= 0 || r.nextInt(5) == 0) return pick("a", "b", "s", "a", "b", "i", "j", "n", "0.5", "3", "2.25", "g");
            return switch (r.nextInt(14)) {
                case 0, 1, 2 -> "(" + f(d - 1) + " " + pick("+", "-", "*", "/") + " " + f(d - 1) + ")";
                case 3 -> "-" + f(d - 1);
                case 4 -> "(" + f(d - 1) + ")**" + pick("2", "3", "-1", "0", "0.5", "2.0", "-2");
                case 5 -> pick("sin", "cos", "tanh", "arctan", "abs", "arcsinh", "expm1") + "(" + f(d - 1) + ")";
                case 6 -> pick("sqrt", "log", "log10", "log1p", "arccosh") + "(abs(" + f(d - 1) + ") + 1)";
                case 7 -> "where(" + b(d - 1) + ", " + f(d - 1) + ", " + f(d - 1) + ")";
                case 8 -> "arctan2(" + f(d - 1) + ", " + f(d - 1) + ")";
                case 9 -> pick("real", "imag", "abs") + "(" + c(d - 1) + ")";
                case 10 -> "(abs(" + f(d - 1) + ") + 0.5)**" + pick("b", "0.3", "a");
                case 11 -> "(" + f(d - 1) + " % " + pick("b", "1.5", "-2.0", "a") + ")";
                case 12 -> pick("arcsin", "arccos", "arctanh") + "(" + f(d - 1) + " / 8)";
                default -> i(d - 1);
            };
        }

        String b(int d) {
            if (d <= 0 || r.nextInt(4) == 0) return "(" + f(0) + " " + pick("<", "<=", ">", ">=", "==", "!=") + " " + f(0) + ")";
            return switch (r.nextInt(5)) {
                case 0 -> "(" + b(d - 1) + " " + pick("&", "|") + " " + b(d - 1) + ")";
                case 1 -> "~" + b(d - 1);
                case 2 -> "(" + i(d - 1) + " " + pick("<", "==", "!=", ">=") + " " + i(d - 1) + ")";
                case 3 -> "(" + c(d - 1) + " " + pick("==", "!=") + " " + c(d - 1) + ")";
                default -> "(" + f(d - 1) + " " + pick("<", "<=", ">", ">=") + " " + f(d - 1) + ")";
            };
        }

        String i(int d) {
            if (d <= 0 || r.nextInt(4) == 0) return pick("i", "j", "n", "7", "-3", "5000000000");
            return switch (r.nextInt(9)) {
                case 0, 1 -> "(" + i(d - 1) + " " + pick("+", "-", "*") + " " + i(d - 1) + ")";
                case 2 -> "(" + i(d - 1) + " % " + i(d - 1) + ")";
                case 3 -> "-" + i(d - 1);
                case 4 -> "(" + i(d - 1) + " " + pick("//", "^") + " " + i(d - 1) + ")";
                case 5 -> "(" + i(d - 1) + " " + pick("<<", ">>") + " " + pick("2", "j % 5", "(j % 5 + 66)") + ")";
                case 6 -> "where(" + b(d - 1) + ", " + i(d - 1) + ", " + i(d - 1) + ")";
                case 7 -> "(" + i(d - 1) + " " + pick("&", "|") + " " + i(d - 1) + ")";
                default -> "(" + i(d - 1) + ")**" + pick("2", "3", "j % 4");
            };
        }

        String c(int d) {
            if (d <= 0 || r.nextInt(4) == 0) return pick("c", "complex(a, b)", "c", "1j", "(2+0.5j)");
            return switch (r.nextInt(6)) {
                case 0, 1 -> "(" + c(d - 1) + " " + pick("+", "-", "*", "/") + " " + c(d - 1) + ")";
                case 2 -> pick("exp", "sqrt", "sin", "cosh", "conj", "log", "tanh") + "(" + c(d - 1) + ")";
                case 3 -> "(" + c(d - 1) + ")**" + pick("2", "3", "-1");
                case 4 -> "(" + c(d - 1) + " + " + f(d - 1) + ")";
                default -> "where(" + b(d - 1) + ", " + c(d - 1) + ", " + c(d - 1) + ")";
            };
        }

        /** float32 expressions: g (float32 array) with literals stays float32. */
        String g(int d) {
            if (d <= 0 || r.nextInt(4) == 0) return pick("g", "g", "1.5", "2");
            return switch (r.nextInt(7)) {
                case 0, 1 -> "(" + g(d - 1) + " " + pick("+", "-", "*", "/") + " " + g(d - 1) + ")";
                case 2 -> pick("sin", "exp", "tanh", "abs", "arctan") + "(" + g(d - 1) + ")";
                case 3 -> "(" + g(d - 1) + ")**" + pick("2", "3", "-1", "0.5");
                case 4 -> "where(" + g(0) + " > " + g(0) + ", " + g(d - 1) + ", " + g(d - 1) + ")";
                case 5 -> "sqrt(abs(" + g(d - 1) + ") + 1)";
                default -> "(" + g(d - 1) + " % " + pick("1.25", "g + 4") + ")";
            };
        }

        String any(int d) {
            return switch (r.nextInt(7)) {
                case 0, 1, 2 -> f(d);
                case 3 -> b(d);
                case 4 -> i(d);
                case 5 -> g(d);
                default -> c(d);
            };
        }
    }

    /** Operands of size n in one of three layouts: 0 contiguous, 1 every other element of a larger buffer, 2 offset. */
    static Map<String, Object> operands(int n, int layout, Random r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", view(NdArray.of(r.doubles(3L * n + 5, -3, 3).toArray()), n, layout, 3));
        m.put("b", view(NdArray.of(r.doubles(3L * n + 5, -3, 3).toArray()), n, layout, 5));
        m.put("i", view(NdArray.of(r.longs(3L * n + 5, -1000, 1000).toArray()), n, layout, 1));
        m.put("j", view(NdArray.of(r.ints(3 * n + 5, -50, 50).toArray()), n, layout, 2));
        m.put("c", view(NdArray.ofComplex(r.doubles(6L * n + 10, -2, 2).toArray()), n, layout, 4));
        float[] g = new float[3 * n + 5];
        for (int k = 0; k < g.length; k++) g[k] = (float) (r.nextDouble() * 6 - 3);
        m.put("g", view(NdArray.of(g), n, layout, 1));
        m.put("s", 1.75);
        m.put("n", 3L);
        return m;
    }

    static NdArray view(NdArray base, int n, int layout, int offset) {
        return switch (layout) {
            case 0 -> base.slice(0, n);
            case 1 -> base.slice(0, offset, offset + 2 * n, 2);
            default -> base.slice(offset, offset + n);
        };
    }

    private static void check(String src, Map<String, Object> ops, String what) {
        Expr e = Expr.compile(src);
        NdArray expected = Reference.evaluate(e, ops);
        NdArray actual = e.evaluate(ops);
        Oracle.assertSame(what + " '" + src + "'", expected, actual, 1e-9);
        // the same through a strided out= view of a larger buffer
        NdArray big = NdArray.zeros(expected.dtype(), Math.max(1, 2 * expected.size() + 1));
        NdArray out = expected.ndim() == 0 ? null : big.slice(0, 1, 1 + 2 * expected.size(), 2);
        if (out != null) {
            e.evaluate(ops, out);
            Oracle.assertSame(what + " out= '" + src + "'", expected, out, 1e-9);
        }
    }

    @Test
    void generatedExpressionsAgreeWithTheReference() {
        Gen g = new Gen(20261125);
        int[] sizes = {1, 7, 1023, 4097};
        int[][] configs = {{1, 2048}, {2, 7}, {3, 1000}, {2, 64}};
        Random data = new Random(42);
        int count = 0;
        for (int round = 0; round < 40; round++) {
            List<String> exprs = new ArrayList<>();
            for (int k = 0; k < 5; k++) exprs.add(g.any(1 + round % 4));
            int n = sizes[round % sizes.length];
            int[] cfg = configs[(round / 4) % configs.length];
            Expr.setNumThreads(cfg[0]);
            Expr.setBlockSize(cfg[1]);
            Map<String, Object> ops = operands(n, round % 3, data);
            for (String src : exprs) {
                check(src, ops, "n=" + n + " threads=" + cfg[0] + " block=" + cfg[1] + " layout=" + round % 3);
                count++;
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(200, count);
    }

    @Test
    void twoDimensionalViewsAndReductions() {
        Random r = new Random(7);
        Expr.setNumThreads(3);
        Expr.setBlockSize(5);
        for (int[] shape : new int[][] {{1, 1}, {7, 3}, {3, 7}, {33, 31}, {1, 4097}}) {
            int rows = shape[0];
            int cols = shape[1];
            NdArray a = NdArray.of(r.doubles((long) rows * cols, -1, 1).toArray()).reshape(rows, cols);
            NdArray bt = NdArray.of(r.doubles((long) rows * cols, -1, 1).toArray()).reshape(cols, rows).transpose();
            NdArray i = NdArray.of(r.longs((long) rows * cols, -9, 9).toArray()).reshape(rows, cols);
            Map<String, Object> ops = Map.of("a", a, "b", bt, "i", i, "s", 0.25);
            for (String src : List.of("a*b + s", "sin(a) - b**2", "where(a > b, i, 2*i)", "sum(a*b)", "sum(a + b, axis=0)",
                    "sum(sin(a), axis=1)", "prod(1 + a/10, axis=0)", "prod(1 + b/10, axis=1)", "sum(i * 3)", "sum(i > 0, axis=1)",
                    "sum(complex(a, b))", "prod(complex(1, a/9), axis=0)", "sum(a > 0)")) {
                Expr e = Expr.compile(src);
                Oracle.assertSame(rows + "x" + cols + " '" + src + "'", Reference.evaluate(e, ops), e.evaluate(ops), 1e-11);
            }
        }
    }

    @Test
    void reductionsDoNotDependOnTheThreadCount() {
        double[] x = new Random(3).doubles(100_003, -1, 1).toArray();
        Expr e = Expr.compile("sum(x**2 - x)");
        Expr.setNumThreads(1);
        double one = (Double) e.evaluate(Map.of("x", x)).get(0);
        Expr.setNumThreads(3);
        double three = (Double) e.evaluate(Map.of("x", x)).get(0);
        org.junit.jupiter.api.Assertions.assertEquals(one, three, 0.0);
        double ref = (Double) Reference.evaluate(e, Map.of("x", x)).get(0);
        org.junit.jupiter.api.Assertions.assertEquals(ref, one, 1e-9 * 100_003);
    }
}
