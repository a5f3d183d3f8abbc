package org.jhpc.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * numpy's broadcasting and N-d arrays against the reference evaluator: operands of shapes that broadcast
 * ({@code (7,1)} with {@code (121,)}, {@code (3,1,5)} with {@code (4,1)}...), views with negative and zero strides,
 * up to 5 dimensions, element-wise and reduced over every axis, with block sizes and thread counts that do not
 * divide the sizes.
 */
class BroadcastTest {
    private int block;
    private int cutoff;
    private int threads;

    @BeforeEach
    void save() {
        block = Expr.setBlockSize(7);
        cutoff = Expr.setSerialCutoff(0);
        threads = Expr.setNumThreads(3);
    }

    @AfterEach
    void restore() {
        Expr.setBlockSize(block);
        Expr.setSerialCutoff(cutoff);
        Expr.setNumThreads(threads);
    }

    private static NdArray random(SplittableRandom r, int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        return NdArray.of(r.doubles(n, -2, 2).toArray()).reshape(shape);
    }

    private static void same(String src, Map<String, Object> in) {
        Expr e = Expr.compile(src);
        NdArray want = Reference.evaluate(e, in);
        NdArray got = e.evaluate(in);
        Oracle.assertSame(src, want, got, 1e-12);
    }

    @Test
    void shapesBroadcastAsInNumpy() {
        SplittableRandom r = new SplittableRandom(7);
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("col", random(r, 7, 1));
        in.put("row", random(r, 121));
        in.put("cube", random(r, 3, 1, 5));
        in.put("mat", random(r, 4, 1));
        in.put("k", NdArray.of(new long[] {1, 2, 3, 4, 5}));
        in.put("x", 0.5);
        for (String src : new String[] {"col + row", "col * row - x", "where(col > row, col, row**2)", "cube + mat",
                "cube * k + mat", "sin(cube) * mat - k", "sum(col * row)", "sum(col * row, axis=0)", "max(col + row, axis=1)",
                "prod(1 + cube * mat / 10, axis=0)", "min(cube + mat, axis=1)", "sum(cube + mat, axis=2)"}) {
            same(src, in);
        }
        assertArrayEquals(new int[] {3, 4, 5}, Expr.evaluate("cube + mat", in).shape());
        assertArrayEquals(new int[] {7, 121}, Expr.evaluate("col + row", in).shape());
    }

    @Test
    void nDimensionalViewsWithAnyStrides() {
        SplittableRandom r = new SplittableRandom(11);
        NdArray a5 = random(r, 2, 3, 1, 4, 5);
        NdArray b = random(r, 6, 5, 4).slice(0, Integer.MAX_VALUE, Integer.MIN_VALUE, -2).slice(2, 3, 0, -1)
                .transpose();                                                   // shape (3, 5, 3), negative strides
        Map<String, Object> in = Map.of("a", a5, "b", b, "c", random(r, 3, 5, 1));
        for (String src : new String[] {"a * 2 + 1", "b - c", "b * c + sqrt(abs(b))", "sum(a)", "sum(a, axis=4)",
                "max(a, axis=0)", "sum(b * c, axis=1)", "min(b, axis=2)", "prod(1 + b / 4, axis=0)"}) {
            same(src, in);
        }
        assertArrayEquals(new int[] {2, 3, 1, 4}, Expr.evaluate("sum(a, axis=4)", in).shape());
        assertEquals(DType.FLOAT64, Expr.evaluate("b - c", in).dtype());
    }

    @Test
    void outMayBeLargerWhenTheResultBroadcastsIntoIt() {
        NdArray out = NdArray.zeros(DType.FLOAT64, 3, 4);
        Expr.compile("a * 2 + 1").evaluate(Map.of("a", NdArray.of(1.0, 2.0, 3.0, 4.0)), out);
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) assertEquals(2.0 * (j + 1) + 1, out.getDouble(i * 4L + j));
        ExprException e = org.junit.jupiter.api.Assertions.assertThrows(ExprException.class,
                () -> Expr.compile("a * 2").evaluate(Map.of("a", NdArray.of(1.0, 2.0, 3.0)), NdArray.zeros(DType.FLOAT64, 3, 4)));
        assertEquals("out has shape (3, 4) but the result has shape (3,)", e.getMessage());
    }
}
