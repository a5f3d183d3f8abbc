package org.jhpc.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Views, settings, concurrency and the disassembly. */
class ApiTest {
    @Test
    void viewsShareTheBuffer() {
        double[] buf = new double[12];
        for (int k = 0; k < 12; k++) buf[k] = k;
        NdArray a = NdArray.of(buf);
        NdArray m = a.reshape(3, 4);
        assertSame(buf, m.data());
        assertEquals(6.0, m.getDouble(6));
        NdArray col = m.slice(1, 1, 2, 1);            // m[:, 1:2]
        assertArrayEquals(new int[] {3, 1}, col.shape());
        assertArrayEquals(new double[] {1, 5, 9}, col.toDoubleArray());
        assertArrayEquals(new double[] {11, 8, 5, 2}, a.slice(0, -1, Integer.MIN_VALUE, -3).toDoubleArray());
        assertArrayEquals(new double[] {4, 5, 6, 7}, a.slice(4, -4).toDoubleArray());
        assertArrayEquals(new double[] {0, 4, 8}, m.transpose().row(0).toDoubleArray());
        assertSame(buf, m.ravel().data());
        ExprException e = assertThrows(ExprException.class, () -> m.transpose().ravel());
        assertTrue(e.getMessage().contains("would need a copy"));
        assertArrayEquals(new int[] {2, 6}, m.reshape(2, -1).shape());
        // writing through out= into a view changes the buffer
        Expr.compile("x * 10").evaluate(Map.of("x", m.row(1)), m.row(2));
        assertArrayEquals(new double[] {40, 50, 60, 70}, m.row(2).toDoubleArray());
    }

    @Test
    void slidesDiffusionTrickOnRavelledViews() {
        int n = 5;
        double[] dens = new double[n * n];
        for (int k = 0; k < dens.length; k++) dens[k] = (k * 37 % 11) / 10.0;
        double[] next = new double[n * n];
        NdArray d = NdArray.of(dens).reshape(n, n).ravel();
        NdArray out = NdArray.of(next).slice(n, -n);
        Map<String, Object> v = Map.of("densC", d.slice(n, -n), "densL", d.slice(n - 1, -n - 1), "densR", d.slice(n + 1, -n + 1),
                "densU", d.slice(0, -2 * n), "densD", d.slice(2 * n, Integer.MAX_VALUE), "coef", 0.25);
        Expr.compile("densC + coef*(densD+densU+densR+densL-4*densC)").evaluate(v, out);
        for (int i = 1; i < n - 1; i++) {
            for (int j = 1; j < n - 1; j++) {
                int k = i * n + j;
                double lapl = dens[k + n] + dens[k - n] + dens[k + 1] + dens[k - 1] - 4 * dens[k];
                assertEquals(dens[k] + 0.25 * lapl, next[k], 0.0);
            }
        }
    }

    @Test
    void preparedRunsSeeTheCurrentContents() {
        double[] a = {1, 2, 3};
        Expr.Prepared p = Expr.compile("a * k").prepare(Map.of("a", a, "k", 2.0), null);
        assertArrayEquals(new double[] {2, 4, 6}, p.run().toDoubleArray());
        a[1] = 10;
        assertArrayEquals(new double[] {2, 20, 6}, p.run().toDoubleArray());
        assertSame(p.out(), p.run());
        Expr.Prepared s = Expr.compile("sum(a)").prepare(Map.of("a", a), null);
        assertEquals(14.0, s.run().getDouble(0));
    }

    @Test
    void emptyArraysAndByteStringCopies() {
        NdArray r = Expr.evaluate("a * 2 + 1", Map.of("a", new double[0]));
        assertEquals(0, r.size());
        assertEquals(0.0, Expr.evaluate("sum(a)", Map.of("a", new double[0])).getDouble(0));
        assertEquals(1.0, Expr.evaluate("prod(a)", Map.of("a", new double[0])).getDouble(0));
        NdArray s = NdArray.ofStrings("abc", "de", "f").slice(0, 0, 3, 2);
        NdArray c = Expr.evaluate("s", Map.of("s", s));
        assertEquals(DType.BYTES, c.dtype());
        assertArrayEquals("f".getBytes(), (byte[]) c.get(1));
    }

    /**
     * Only block-sized temporaries: after evaluating over 2 million elements on 3 threads, every register buffer of
     * every worker frame holds at most one block (two doubles per element for complex), whatever the array size.
     * (Allocation counters are not used: before C2 compiles the kernels, the Vector API boxes vectors on the heap.)
     */
    @Test
    void temporariesAreBlockSized() {
        int old = Expr.setNumThreads(3);
        boolean fusion = Expr.setFusion(false);
        try {
            int n = 2_000_000;
            Map<String, Object> ops = Map.of("a", new double[n], "b", new double[n], "i", new long[n]);
            Expr e = Expr.compile("sin(a)*b + (a - b)**2 / (1 + a*a) - sqrt(abs(b)) + where(i > 2, real(complex(a, b)*2), 1)");
            e.evaluate(ops, NdArray.zeros(DType.FLOAT64, n));
            Engine.Compiled c = e.compiled(ops);
            assertTrue(!c.frames.isEmpty(), "frames are pooled");
            for (Frame f : c.frames) {
                for (Object b : f.buf) {
                    int len = java.lang.reflect.Array.getLength(b);
                    assertTrue(len <= 2 * Expr.blockSize(), "a register buffer of " + len + " elements");
                }
            }
        } finally {
            Expr.setNumThreads(old);
            Expr.setFusion(fusion);
        }
    }

    @Test
    void threadSettingReturnsTheOldValue() {
        int old = Expr.setNumThreads(3);
        try {
            assertEquals(3, Expr.setNumThreads(2));
            assertEquals(2, Expr.numThreads());
            assertThrows(ExprException.class, () -> Expr.setNumThreads(0));
        } finally {
            Expr.setNumThreads(old);
        }
    }

    @Test
    void manyCallersAtOnce() throws Exception {
        int old = Expr.setNumThreads(3);
        int cutoff = Expr.setSerialCutoff(0);
        int block = Expr.setBlockSize(257);
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            Expr e = Expr.compile("a * k + sin(a)");
            List<Future<Boolean>> fs = new ArrayList<>();
            for (int t = 0; t < 24; t++) {
                double k = t;
                fs.add(callers.submit(() -> {
                    double[] a = new double[10_001];
                    for (int i = 0; i < a.length; i++) a[i] = i * 1e-3;
                    NdArray r = e.evaluate(Map.of("a", a, "k", k));
                    NdArray ref = Reference.evaluate(e, Map.of("a", a, "k", k));
                    Oracle.assertSame("caller " + k, ref, r, 1e-12);
                    return true;
                }));
            }
            for (Future<Boolean> f : fs) assertTrue(f.get());
        } finally {
            callers.shutdown();
            Expr.setNumThreads(old);
            Expr.setSerialCutoff(cutoff);
            Expr.setBlockSize(block);
        }
    }

    @Test
    void disassembleShowsFoldedConstantsAndPowersByMultiplication() {
        String d = Expr.compile("a**2 + (1 + 2) * b / 4").disassemble();
        assertTrue(d.contains("powi"), d);
        assertTrue(d.contains("3.0"), d);       // (1 + 2) folded and converted to float64
        assertTrue(!d.contains(" pow "), d);
        assertTrue(Expr.compile("i / j").disassemble(Map.of("i", DType.INT64, "j", DType.INT32)).contains("int64->float64"));
    }

    @Test
    void scalarsAndTypes() {
        assertEquals(DType.INT32, Expr.evaluate("j + 1", Map.of("j", new int[] {1})).dtype());
        assertEquals(DType.INT64, Expr.evaluate("j + i", Map.of("j", new int[] {1}, "i", new long[] {2})).dtype());
        assertEquals(DType.FLOAT64, Expr.evaluate("j / 2", Map.of("j", new int[] {3})).dtype());
        assertEquals(1.5, Expr.evaluate("j / 2", Map.of("j", new int[] {3})).getDouble(0));
        assertEquals(0, Expr.evaluate("x * 2", Map.of("x", 2.5)).ndim());
        assertEquals(5.0, Expr.evaluate("x * 2", Map.of("x", 2.5)).getDouble(0));
        assertEquals(DType.BOOL, Expr.evaluate("contains(s, 'na')", Map.of("s", "banana")).dtype());
        float[] f = {1.5f, -2f};
        assertEquals(DType.FLOAT32, Expr.evaluate("f * 2 + 1", Map.of("f", f)).dtype());        // int literals keep float32
        assertEquals(DType.FLOAT64, Expr.evaluate("f * 2.5 + 1", Map.of("f", f)).dtype());      // a float literal is float64 (numexpr)
        assertEquals(DType.FLOAT32, Expr.evaluate("sin(f) / f", Map.of("f", f)).dtype());
        assertEquals(DType.FLOAT64, Expr.evaluate("f + x", Map.of("f", f, "x", new double[2])).dtype());
        assertEquals(DType.FLOAT32, Expr.evaluate("f + j", Map.of("f", f, "j", new int[2])).dtype());   // numexpr's kind order
        assertEquals(DType.FLOAT32, Expr.evaluate("sum(f)", Map.of("f", f)).dtype());          // kept float32, accumulated in float64
        assertEquals(DType.INT64, Expr.evaluate("2**40", Map.of()).dtype());
        assertEquals(1L << 40, Expr.evaluate("2**40", Map.of()).get(0));                        // Python's integers, not int32's
        assertEquals(DType.INT32, Expr.evaluate("b + 1", Map.of("b", new boolean[] {true})).dtype());
        assertEquals(-0.5, Expr.evaluate("sum(f)", Map.of("f", f)).getDouble(0));
    }
}
