package org.jhpc.tutorial.arrays;

import org.jhpc.core.PyFloat;
import org.jhpc.expr.NdArray;

/** An array as Python prints numpy's {@code a.tolist()}: {@code [0.0, 4.0]}, {@code [[1, 2], [4, 3]]}. */
public final class ArrayText {
    private ArrayText() {}

    public static String of(NdArray a) {
        int[] shape = a.shape();
        if (shape.length == 0) return item(a.get(0));
        if (shape.length == 1) return row(a, 0, shape[0]);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape[0]; i++) sb.append(i > 0 ? ", " : "").append(row(a, (long) i * shape[1], shape[1]));
        return sb.append(']').toString();
    }

    /** A double as Python's repr prints it. */
    public static String of(double v) {
        return PyFloat.repr(v);
    }

    private static String row(NdArray a, long first, int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int j = 0; j < n; j++) sb.append(j > 0 ? ", " : "").append(item(a.get(first + j)));
        return sb.append(']').toString();
    }

    private static String item(Object v) {
        if (v instanceof Double d) return PyFloat.repr(d);
        if (v instanceof Boolean b) return b ? "True" : "False";
        return String.valueOf(v);
    }
}
