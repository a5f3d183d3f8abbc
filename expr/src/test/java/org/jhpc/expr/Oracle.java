package org.jhpc.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

/** Element-wise comparison of two arrays with a float tolerance (integers, bools and NaN positions exact). */
final class Oracle {
    private Oracle() {}

    static boolean close(double x, double y, double rel) {
        if (Double.isNaN(x) || Double.isNaN(y)) return Double.isNaN(x) && Double.isNaN(y);
        if (Double.isInfinite(x) || Double.isInfinite(y)) return x == y || Math.abs(x - y) <= rel * Math.max(Math.abs(x), Math.abs(y));
        return Math.abs(x - y) <= rel * (1 + Math.abs(y));
    }

    static void assertSame(String what, NdArray expected, NdArray actual, double rel) {
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        for (long k = 0; k < expected.size(); k++) {
            Object e = expected.get(k);
            Object a = actual.get(k);
            boolean ok = switch (e) {
                case Double d -> close(d, (Double) a, rel);
                case Float f -> close(f, (Float) a, Math.max(rel, 2e-6));
                case Complex c -> close(c.re(), ((Complex) a).re(), rel) && close(c.im(), ((Complex) a).im(), rel);
                case byte[] b -> Arrays.equals(b, (byte[]) a);
                default -> e.equals(a);
            };
            if (!ok) fail(what + ": element " + k + " expected " + e + " but got " + a);
        }
    }
}
