package org.jhpc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected strings are what CPython 3 prints for the same format and value. */
class PyFormatTest {
    @Test
    void roundsTheExactBinaryValueHalfEven() {
        assertEquals("0.12", PyFormat.fixed(0.125, 2));        // exact tie: to even (Java's %.2f gives 0.13)
        assertEquals("0.38", PyFormat.fixed(0.375, 2));
        assertEquals("2.67", PyFormat.fixed(2.675, 2));        // 2.67499999... in binary
        assertEquals("8.175000", PyFormat.fixed(8.174999955000006, 6));
        assertEquals("8.17499995268473", PyFormat.fixed(8.17499995268473, 14));
        assertEquals("1.000000", PyFormat.fixed(0.9999995, 6));
        assertEquals("2", PyFormat.fixed(2.5, 0));
        assertEquals("4", PyFormat.fixed(3.5, 0));
        assertEquals("0.100000000000000005551", PyFormat.fixed(0.1, 21));
    }

    @Test
    void signsAndSpecials() {
        assertEquals("-0.00", PyFormat.fixed(-0.001, 2));
        assertEquals("-0.000000", PyFormat.fixed(-0.0, 6));
        assertEquals("-1.500000", PyFormat.fixed(-1.5, 6));
        assertEquals("123456789012345680.000000", PyFormat.fixed(1.2345678901234568e17, 6));
        assertEquals("inf", PyFormat.fixed(Double.POSITIVE_INFINITY, 6));
        assertEquals("-inf", PyFormat.fixed(Double.NEGATIVE_INFINITY, 6));
        assertEquals("nan", PyFormat.fixed(Double.NaN, 6));
    }
}
