package org.jhpc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's repr(float), checked against values printed by CPython 3.11. */
class PyFloatTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.0|0.0", "-0.0|-0.0", "0.4975000000000004|0.4975000000000004", "1e-05|1e-05", "0.0001|0.0001",
        "0.00015000000000000001|0.00015000000000000001", "1e16|1e+16", "1e15|1000000000000000.0",
        "1234567890123456.7|1234567890123456.8", "12345678901234567.0|1.2345678901234568e+16", "100.0|100.0",
        "14.924999999999173|14.924999999999173", "-2.5e-07|-2.5e-07", "1.7976931348623157e308|1.7976931348623157e+308",
        "4.9e-324|5e-324", "0.1|0.1", "2.5e-05|2.5e-05", "123.456|123.456", "1e22|1e+22", "9.999999999999999e-05|9.999999999999999e-05",
        "NaN|nan", "Infinity|inf", "-Infinity|-inf", "3.0|3.0", "0.30000000000000004|0.30000000000000004"})
    void matchesCPython(String javaLiteral, String python) {
        assertEquals(python, PyFloat.repr(Double.parseDouble(javaLiteral)));
    }
}
