package org.jhpc.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A table of expressions against values computed by numpy (peers/python/expr_goldens.py, committed output in
 * golden/expr-goldens.tsv). The inputs are rebuilt here with the same formulas, which round identically.
 */
class GoldenTest {
    static Map<String, Object> inputs() {
        int n = 11;
        double[] a = new double[n];
        double[] b = new double[n];
        long[] i = new long[n];
        int[] j = new int[n];
        double[] c = new double[2 * n];
        boolean[] flag = new boolean[n];
        for (int k = 0; k < n; k++) {
            a[k] = k * 0.25 - 1.3;
            b[k] = k * 0.5 + 0.1;
            i[k] = k * 7L - 30;
            j[k] = k * 3 - 10;
            c[2 * k] = a[k];
            c[2 * k + 1] = b[k];
            flag[k] = k % 3 == 0;
        }
        double[] m = new double[10];
        for (int k = 0; k < 10; k++) m[k] = k * 0.75 - 2.0;
        Map<String, Object> ops = new LinkedHashMap<>();
        ops.put("a", a);
        ops.put("b", b);
        ops.put("i", i);
        ops.put("j", j);
        ops.put("c", NdArray.ofComplex(c));
        ops.put("flag", flag);
        ops.put("s", NdArray.ofStrings("apple", "banana", "cherry", "date", "elder", "fig", "grape", "kiwi", "lemon", "mango", "nan"));
        ops.put("m", NdArray.of(m).reshape(2, 5));
        ops.put("x", 1.5);
        float[] g = new float[n];
        for (int k = 0; k < n; k++) g[k] = (float) (k * 0.3 - 1.4);
        ops.put("g", g);
        return ops;
    }

    @TestFactory
    Stream<DynamicTest> numpyGoldens() throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                GoldenTest.class.getResourceAsStream("/golden/expr-goldens.tsv"), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) if (!l.isBlank()) lines.add(l);
        }
        assertTrue(lines.size() > 80, "golden table has " + lines.size() + " lines");
        Map<String, Object> ops = inputs();
        return lines.stream().map(line -> DynamicTest.dynamicTest(line.split("\t")[0], () -> check(line, ops)));
    }

    /** Python's float repr to a double ({@code nan}, {@code inf}, {@code -inf} included). */
    private static double num(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    /**
     * Where the engine follows numexpr's kinds instead of numpy's (see TypeChecker): a float literal widens
     * float32 to float64, abs of an integer is float64, integers with float32 are float32, sums keep int32. The values are still numpy's, compared as doubles.
     */
    static final Map<String, String> NUMEXPR_KINDS = Map.of("g % 0.75", "float64", "g * 2.5 - 1", "float64",
            "abs(i)", "float64", "g + j", "float32", "g * i", "float32", "sum(j)", "int32", "prod(j % 3 + 1)", "int32");

    private static void check(String line, Map<String, Object> ops) {
        String[] f = line.split("\t", -1);
        NdArray got = Expr.compile(f[0]).evaluate(ops);
        assertEquals(NUMEXPR_KINDS.getOrDefault(f[0], f[1]), got.dtype().pyName(), "dtype of " + f[0]);
        boolean widened = NUMEXPR_KINDS.containsKey(f[0]);
        String shape = got.ndim() == 0 ? "" : got.ndim() == 1 ? "" + got.shape()[0] : got.shape()[0] + "x" + got.shape()[1];
        assertEquals(f[2], shape, "shape of " + f[0]);
        String[] vals = f[3].split(",");
        assertEquals(vals.length, got.size(), "size of " + f[0]);
        for (int k = 0; k < vals.length; k++) {
            Object g = got.get(k);
            String v = vals[k];
            String what = f[0] + " element " + k + ": numpy " + v + ", jhpc " + g;
            switch (g) {
                case Double d -> assertTrue(Oracle.close(num(v), d, widened ? 2e-7 : 1e-13), what);
                case Float x -> assertTrue(Oracle.close(num(v), x, 2e-7), what);
                case Complex z -> {
                    String[] p = v.split(":");
                    assertTrue(Oracle.close(num(p[0]), z.re(), 1e-13)
                            && Oracle.close(num(p[1]), z.im(), 1e-13), what);
                }
                case Boolean z -> assertEquals(v, z ? "1" : "0", what);
                default -> assertEquals(v, g.toString(), what);
            }
            if (widened && g instanceof Double d && f[1].equals("int64")) assertEquals(Long.parseLong(v), (long) (double) d, what);
        }
    }
}
