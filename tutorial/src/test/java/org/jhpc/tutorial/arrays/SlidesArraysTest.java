package org.jhpc.tutorial.arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jhpc.core.Npy;
import org.jhpc.expr.NdArray;
import org.jhpc.testing.Golden;
import org.junit.jupiter.api.Test;

/** The slides' numpy session on NdArray, against numpy's own output (goldens from peers/python/arrays_golden.py). */
class SlidesArraysTest {
    @Test
    void everyLineIsNumpys() {
        List<String> golden = Golden.text("arrays/slides.txt").lines().toList();
        List<String> mine = SlidesArrays.lines();
        assertEquals(golden.size(), mine.size());
        for (int k = 0; k < golden.size(); k++) assertEquals(golden.get(k), mine.get(k), "line " + (k + 1));
    }

    static double[] flat(Npy.Matrix m) {
        double[] a = new double[m.rows() * m.cols()];
        for (int i = 0; i < m.rows(); i++) for (int j = 0; j < m.cols(); j++) a[i * m.cols() + j] = m.get(i, j);
        return a;
    }

    @Test
    void blasAndNaiveMatmulAgreeWithNumpyAtAwkwardSizes() {
        Npy.Matrix a = Npy.read(Golden.file("arrays/matmul-A.npy")), b = Npy.read(Golden.file("arrays/matmul-B.npy"));
        Npy.Matrix c = Npy.read(Golden.file("arrays/matmul-C.npy"));
        int m = a.rows(), k = a.cols(), n = b.cols();
        assertEquals(37, m);
        assertEquals(121, k);
        assertEquals(23, n);
        double[] blas = new double[m * n], naive = new double[m * n];
        Products.matmul(m, k, n, flat(a), flat(b), blas);
        Products.naiveMatmul(m, k, n, flat(a), flat(b), naive);
        NdArray viaNd = Products.matmul(NdArray.of(flat(a)).reshape(m, k), NdArray.of(flat(b)).reshape(k, n));
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double want = c.get(i, j);
                assertEquals(want, blas[i * n + j], 1e-12 * k, "blas c[" + i + "][" + j + "]");
                assertEquals(want, naive[i * n + j], 1e-12 * k, "naive c[" + i + "][" + j + "]");
                assertEquals(blas[i * n + j], viaNd.getDouble((long) i * n + j));
            }
        }
        assertTrue(Products.blasName().startsWith("dev.ludovic.netlib.blas."), Products.blasName());
    }

    @Test
    void layoutsAgreeOnTheValue() {
        for (int n : new int[] {3, 7, 121}) {
            assertEquals(Layouts.sweepNested(Layouts.nestedGrid(n)), Layouts.sweepFlat(Layouts.flatGrid(n), n));
        }
        assertEquals(Layouts.sumPrimitive(Layouts.primitive(1023)), Layouts.sumBoxed(Layouts.boxed(1023)));
    }
}
