package org.jhpc.tutorial.arrays;

import java.util.Arrays;
import java.util.List;
import org.jhpc.expr.NdArray;

/**
 * Views of a flat row-major array: an m×n grid is one array plus (offset, strides), element (i, j) at
 * offset + i·strides[0] + j·strides[1]. A row, a column and the transpose are new (offset, strides) pairs over the
 * same memory, made without copying (numpy's views; {@link NdArray#row}, {@link NdArray#transpose}).
 */
public final class Views {
    private Views() {}

    /** Lines describing a 4×5 grid holding 0 … 19 and three views of it. */
    public static List<String> lines() {
        NdArray g = Numpy.arange(20).reshape(4, 5);
        NdArray row = g.row(2);
        NdArray col = g.transpose().row(3);
        NdArray t = g.transpose();
        return List.of(
                "g = arange(20).reshape(4, 5): offset " + g.offset() + ", strides " + Arrays.toString(g.strides())
                        + " = " + ArrayText.of(g),
                "g[2] (a row):       offset " + row.offset() + ", strides " + Arrays.toString(row.strides()) + " = "
                        + ArrayText.of(row),
                "g[:, 3] (a column): offset " + col.offset() + ", strides " + Arrays.toString(col.strides()) + " = "
                        + ArrayText.of(col),
                "g.T (transpose):    offset " + t.offset() + ", strides " + Arrays.toString(t.strides()) + ", shape "
                        + NdArray.shapeText(t.shape()) + ", same memory: " + (t.data() == g.data()));
    }
}
