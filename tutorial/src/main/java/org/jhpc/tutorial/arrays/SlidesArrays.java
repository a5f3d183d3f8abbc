package org.jhpc.tutorial.arrays;

import java.util.ArrayList;
import java.util.List;
import org.jhpc.expr.NdArray;

/**
 * The slides' numpy session (47–52) line by line, on {@link NdArray}: each line is {@code python-expression =
 * result}, the result printed as numpy's {@code tolist()} would be. {@code peers/python/arrays_golden.py} prints
 * the same lines with numpy; the test compares the two.
 */
public final class SlidesArrays {
    private SlidesArrays() {}

    public static List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("zeros(5) = " + ArrayText.of(Numpy.zeros(5)));
        out.add("ones(5, dtype=int) = " + ArrayText.of(Numpy.onesInt(5)));
        out.add("zeros([2,2]) = " + ArrayText.of(Numpy.zeros(2, 2)));
        out.add("arange(5) = " + ArrayText.of(Numpy.arange(5)));
        out.add("linspace(1,5,6) = " + ArrayText.of(Numpy.linspace(1, 5, 6)));
        out.add("linspace(1,5) = " + ArrayText.of(Numpy.linspace(1, 5, 50)));
        NdArray a = Numpy.arange(4);
        NdArray b = Numpy.eval("x + 3", "x", Numpy.arangeDouble(4));
        long c = 2;
        out.add("b = arange(4.) + 3 = " + ArrayText.of(b));
        out.add("a * b = " + ArrayText.of(Numpy.eval("a * b", "a", a, "b", b)));
        out.add("a * c = " + ArrayText.of(Numpy.eval("a * c", "a", a, "c", c)));
        out.add("b * c = " + ArrayText.of(Numpy.eval("b * c", "b", b, "c", c)));
        out.add("a @ b = " + ArrayText.of(Products.dot(a, b)));
        NdArray m = Numpy.matrix(new long[][] {{1, 2, 3}, {2, 3, 4}});
        NdArray v = Numpy.eval("x + 1", "x", Numpy.arange(3));
        out.add("M = [[1,2,3],[2,3,4]], v = arange(3) + 1: M @ v = " + ArrayText.of(Products.matvec(m, v)));
        NdArray p = Numpy.matrix(new long[][] {{1, 2}, {4, 3}});
        out.add("P = [[1,2],[4,3]]: P * P = " + ArrayText.of(Numpy.eval("p * p", "p", p)));
        out.add("P @ P = " + ArrayText.of(Products.matmul(p, p)));
        return out;
    }
}
