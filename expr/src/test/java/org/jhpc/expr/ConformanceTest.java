package org.jhpc.expr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * numexpr 2.8's own test suite, ported: its generated matrix (sections x dtypes x scalar positions) and its
 * explicit tests, with numexpr's answers (values, dtypes, refusals) produced once by real numexpr
 * ({@code peers/python/numexpr_conformance.py} → {@code golden/numexpr-conformance.tsv.gz}). A case agrees when
 * both refuse, or both give a result of the same dtype and shape whose values pass numexpr's own {@code equal()}
 * (exact, or the same count of NaNs/infinities, or {@code allclose} with atol 1e-8, 1e-5 for float32). Every case
 * that does not agree must be listed in {@code golden/numexpr-divergences.tsv}, either as an intended divergence
 * (with its reason) or as a known gap (what is missing); a listed entry that no longer matches a disagreeing case
 * fails too, so the list stays exact. The counts are printed and quoted in the README.
 */
class ConformanceTest {
    record Case(String id, String set, String expr, String answer) {}

    record Entry(String kind, Pattern set, Pattern expr, String reason) {}

    static List<Case> cases = new ArrayList<>();
    static Map<String, Map<String, Object>> sets = new LinkedHashMap<>();

    static void load() throws IOException {
        if (!cases.isEmpty()) return;
        try (InputStream raw = ConformanceTest.class.getResourceAsStream("/golden/numexpr-conformance.tsv.gz")) {
            if (raw == null) throw new IllegalStateException("missing golden/numexpr-conformance.tsv.gz");
            BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isEmpty()) continue;
                String[] f = line.split("\t", -1);
                if (f[0].equals("input")) {
                    sets.computeIfAbsent(f[1], k -> new LinkedHashMap<>()).put(f[2], array(f[3], f[4], f[5]));
                } else {
                    cases.add(new Case(f[1], f[2], f[3], String.join("\t", List.of(f).subList(4, f.length))));
                }
            }
        }
    }

    static int[] shape(String s) {
        String in = s.substring(1, s.length() - 1);
        if (in.isEmpty()) return new int[0];
        String[] p = in.split(",");
        int[] d = new int[p.length];
        for (int k = 0; k < p.length; k++) d[k] = Integer.parseInt(p[k]);
        return d;
    }

    /** An operand as numexpr received it; dtypes the engine takes on input are cast as {@link NpyIO} casts. */
    static Object array(String dtype, String shapeText, String values) {
        int[] shape = shape(shapeText);
        String[] v = values.isEmpty() && !dtype.startsWith("S") ? new String[0] : values.split(",", -1);
        Object out;
        if (dtype.startsWith("S")) {
            int w = Integer.parseInt(dtype.substring(1));
            byte[] d = new byte[Math.max(1, w) * v.length];
            for (int k = 0; k < v.length; k++) {
                byte[] s = HexFormat.of().parseHex(v[k]);
                System.arraycopy(s, 0, d, k * w, s.length);
            }
            if (shape.length == 0) return HexFormat.of().parseHex(v[0]);
            return NdArray.ofBytes(w, d);
        }
        NdArray a = switch (dtype) {
            case "bool" -> {
                boolean[] z = new boolean[v.length];
                for (int k = 0; k < v.length; k++) z[k] = v[k].equals("1");
                yield NdArray.of(z);
            }
            case "int32", "uint8", "uint16", "int8", "int16" -> {
                int[] z = new int[v.length];
                for (int k = 0; k < v.length; k++) z[k] = Integer.parseInt(v[k]);
                yield NdArray.of(z);
            }
            case "int64", "uint32" -> {
                long[] z = new long[v.length];
                for (int k = 0; k < v.length; k++) z[k] = Long.parseLong(v[k]);
                yield NdArray.of(z);
            }
            case "float32" -> {
                float[] z = new float[v.length];
                for (int k = 0; k < v.length; k++) z[k] = (float) num(v[k]);
                yield NdArray.of(z);
            }
            case "float64" -> {
                double[] z = new double[v.length];
                for (int k = 0; k < v.length; k++) z[k] = num(v[k]);
                yield NdArray.of(z);
            }
            case "complex128" -> {
                double[] z = new double[2 * v.length];
                for (int k = 0; k < v.length; k++) {
                    String[] p = v[k].split("\\|");
                    z[2 * k] = num(p[0]);
                    z[2 * k + 1] = num(p[1]);
                }
                yield NdArray.ofComplex(z);
            }
            default -> null;         // a dtype the engine does not take (uint64): binding it is refused
        };
        if (a == null) return new Unsupported(dtype);
        if (shape.length == 0) return a.get(0) instanceof Object o ? NdArray.scalar(o) : null;
        try {
            out = a.reshape(shape);
        } catch (ExprException e) {
            out = new Unsupported(dtype + " " + shapeText);
        }
        return out;
    }

    /** A Python float repr ({@code inf}, {@code -inf} and {@code nan} included). */
    static double num(String s) {
        return switch (s) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(s);
        };
    }

    /** An operand the engine cannot hold; evaluating with it must be refused. */
    record Unsupported(String what) {}

    static List<Entry> divergences() throws IOException {
        List<Entry> list = new ArrayList<>();
        try (InputStream raw = ConformanceTest.class.getResourceAsStream("/golden/numexpr-divergences.tsv")) {
            if (raw == null) throw new IllegalStateException("missing golden/numexpr-divergences.tsv");
            BufferedReader r = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t");
                list.add(new Entry(f[0], Pattern.compile(f[1]), Pattern.compile(f[2]), f[3]));
            }
        }
        return list;
    }

    /** "agree", or why not. */
    static String judge(Case c) {
        Map<String, Object> in = sets.getOrDefault(c.set(), Map.of());
        NdArray got;
        try {
            Expr e = Expr.compile(c.expr());
            Map<String, Object> used = new LinkedHashMap<>();
            for (String n : e.variables()) {
                Object v = in.get(n);
                if (v instanceof Unsupported u) throw new ExprException("unsupported operand " + u.what());
                if (v != null) used.put(n, v);
            }
            got = e.evaluate(used);
        } catch (ExprException ex) {
            return c.answer().startsWith("raise") ? "agree" : "refused: " + ex.getMessage();
        }
        if (c.answer().startsWith("raise")) return "accepted what numexpr refuses (" + c.answer() + ")";
        String[] f = c.answer().split("\t", -1);
        String dtype = got.dtype() == DType.BYTES ? "S" + got.itemSize() : got.dtype().pyName();
        if (!dtype.equals(f[0])) return "dtype " + dtype + " instead of " + f[0];
        int[] shape = shape(f[1]);
        if (!java.util.Arrays.equals(shape, got.shape())) return "shape " + NdArray.shapeText(got.shape()) + " instead of " + f[1];
        Object want = array(f[0], f[1], f[2]);
        NdArray w = want instanceof NdArray x ? x : null;
        if (w == null) return "golden not representable";
        return equal(w, got) ? "agree" : "values differ";
    }

    /** numexpr's test {@code equal()}: exact, or the same NaN (then inf) count, or allclose. */
    static boolean equal(NdArray want, NdArray got) {
        int n = want.size();
        boolean exact = true;
        for (int k = 0; k < n && exact; k++) exact = same(want.get(k), got.get(k));
        if (exact) return true;
        if (want.dtype() == DType.FLOAT32 || want.dtype() == DType.FLOAT64) {
            int nans = 0;
            int nansGot = 0;
            int infs = 0;
            int infsGot = 0;
            for (int k = 0; k < n; k++) {
                double x = want.getDouble(k);
                double y = got.getDouble(k);
                nans += Double.isNaN(x) ? 1 : 0;
                nansGot += Double.isNaN(y) ? 1 : 0;
                infs += Double.isInfinite(x) ? 1 : 0;
                infsGot += Double.isInfinite(y) ? 1 : 0;
            }
            if (nans > 0) return nans == nansGot;
            if (infs > 0) return infs == infsGot;
        }
        double atol = want.dtype() == DType.FLOAT32 ? 1e-5 : 1e-8;
        for (int k = 0; k < n; k++) {
            Object x = want.get(k);
            Object y = got.get(k);
            if (x instanceof Complex cx && y instanceof Complex cy) {
                if (!close(cx.re(), cy.re(), atol) || !close(cx.im(), cy.im(), atol)) return false;
            } else if (x instanceof Number || x instanceof Boolean) {
                if (!close(want.getDouble(k), got.getDouble(k), atol)) return false;
            } else if (!same(x, y)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Object x, Object y) {
        if (x instanceof byte[] a && y instanceof byte[] b) return java.util.Arrays.equals(a, b);
        return x.equals(y) || (x instanceof Double a && y instanceof Double b && a.doubleValue() == b.doubleValue())
                || (x instanceof Float a && y instanceof Float b && a.floatValue() == b.floatValue());
    }

    /** numpy's allclose for one pair: |x - y| <= atol + 1e-5 |y|, NaN never close, equal infinities close. */
    private static boolean close(double want, double got, double atol) {
        if (want == got) return true;
        return Math.abs(got - want) <= atol + 1e-5 * Math.abs(want);
    }

    @Test
    void everyCaseAgreesOrIsAListedDivergence() throws IOException {
        load();
        List<Entry> listed = divergences();
        Map<String, Integer> counts = new TreeMap<>();
        Map<Entry, Integer> used = new LinkedHashMap<>();
        List<String> unexplained = new ArrayList<>();
        for (Case c : cases) {
            String verdict = judge(c);
            if (verdict.equals("agree")) {
                counts.merge("agree", 1, Integer::sum);
                continue;
            }
            Entry hit = null;
            for (Entry e : listed) {
                if (e.set().matcher(c.set()).matches() && e.expr().matcher(c.expr()).matches()) {
                    hit = e;
                    break;
                }
            }
            if (hit == null) {
                unexplained.add(c.id() + " [" + c.set() + "] " + c.expr() + ": " + verdict);
            } else {
                counts.merge(hit.kind(), 1, Integer::sum);
                used.merge(hit, 1, Integer::sum);
            }
        }
        List<String> stale = new ArrayList<>();
        for (Entry e : listed) if (!used.containsKey(e)) stale.add(e.kind() + " " + e.set() + " " + e.expr());
        System.out.println("numexpr conformance: " + cases.size() + " cases " + counts);
        for (String u : unexplained) System.out.println("  not listed: " + u);
        for (Map.Entry<Entry, Integer> u : used.entrySet()) {
            System.out.println("  " + u.getValue() + " x " + u.getKey().kind() + ": " + u.getKey().reason());
        }
        assertTrue(unexplained.isEmpty(), unexplained.size() + " cases disagree with numexpr and are not listed:\n"
                + String.join("\n", unexplained.subList(0, Math.min(80, unexplained.size()))));
        assertTrue(stale.isEmpty(), "listed divergences that no longer occur (remove them):\n" + String.join("\n", stale));
    }
}
