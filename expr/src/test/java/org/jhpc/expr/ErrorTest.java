package org.jhpc.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets an ExprException naming the problem and, where there is one, its column. */
class ErrorTest {
    private static final Map<String, Object> OPS = Map.of("a", new double[] {1, 2, 3}, "b", new double[] {4, 5, 6},
            "i", new long[] {1, 2, 3}, "f", new boolean[] {true, false, true}, "s", NdArray.ofStrings("x", "yy", "z"),
            "c", NdArray.ofComplex(new double[] {1, 2, 3, 4, 5, 6}), "short", new double[] {1, 2});

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "a +|unexpected end of expression|4",
            "a + * b|unexpected '*'|5",
            "(a + b|missing ')'|1",
            "a + b)|unbalanced ')'|6",
            "a $ b|unexpected character '$'|3",
            "a ^ b|'^' needs two bools or two integers, not float64 and float64|3",
            "c // 2|'//' is not defined for complex numbers|3",
            "a < b < 3|chained comparisons|7",
            "foo(a)|unknown function 'foo'|1",
            "sin(a, b)|sin() takes 1 argument, got 2|1",
            "where(a > 1, a)|where() takes 3 arguments, got 2|1",
            "1 + sum(a)|sum() must be the outermost operation|5",
            "sin(a, axis=0)|sin() takes no axis|1",
            "sum(a, scale=2)|unknown keyword argument 'scale'|8",
            "a + zz|unknown variable 'zz'|5",
            "f + f|'+' needs numbers, not bool and bool (no arithmetic on two bools|3",
            "2**62*4|integer constant 18446744073709551616 does not fit in int64|6",
            "1 // 0|division by zero in a constant|3",
            "a + 2**-1 // 0.0|division by zero in a constant|11",
            "sum(a, axis=-1)|sum() takes no negative axis|1",
            "min(f)|min() of bool values is not supported|1",
            "any(a)|any() needs bools, not float64 (compare first, as in any(x > 0))|1",
            "a + all(f)|all() must be the outermost operation|5",
            "floor(c)|floor() needs real numbers, not complex128|1",
            "a.real.T|attribute access is not supported (only .real and .imag)|7",
            "-f|unary '-' needs a number|1",
            "a << 2|'<<' needs integers|3",
            "a & b|'&' needs two bools or two integers|3",
            "c < c|complex numbers have no order|3",
            "c % 2|'%' is not defined for complex numbers|3",
            "s + 1|'+' needs numbers, not bytes and int32|3",
            "s == 1|cannot compare bytes with int32|3",
            "contains(a, 'x')|contains() needs two byte strings|1",
            "where(a, a, b)|where() needs a bool condition|1",
            "arctan2(c, a)|arctan2() needs real numbers|1",
            "sum(s)|sum() cannot reduce byte strings|1",
            "12345678901234567890123|does not fit in int64|1",
            "3x|malformed number|1",
            "'abc|unterminated string|1",
            "a[0]|indexing and lists are not supported|2",
            "a.T|attribute access is not supported|2",
            "|empty expression|1",
    })
    void messagesNameTheProblemAndColumn(String src, String message, int column) {
        ExprException e = assertThrows(ExprException.class, () -> Expr.compile(src == null ? "" : src).evaluate(OPS));
        assertTrue(e.getMessage().contains(message), "message '" + e.getMessage() + "' should contain '" + message + "'");
        assertEquals(column, e.column(), "column in '" + e.getMessage() + "'");
        assertTrue(e.getMessage().contains("column " + column), e.getMessage());
    }

    @Test
    void pointerDrawsACaret() {
        ExprException e = assertThrows(ExprException.class, () -> Expr.compile("a + foo(b)"));
        assertEquals("a + foo(b)\n    ^", e.pointer());
    }

    @Test
    void shapeMismatchNamesBothOperands() {
        ExprException e = assertThrows(ExprException.class, () -> Expr.compile("a + short").evaluate(OPS));
        assertEquals("shape mismatch: 'short' has shape (2,) but 'a' has shape (3,)", e.getMessage());
        NdArray m = NdArray.of(new double[6]).reshape(2, 3);
        e = assertThrows(ExprException.class, () -> Expr.compile("a + m").evaluate(Map.of("a", new double[2], "m", m)));
        assertTrue(e.getMessage().contains("(2, 3)"), e.getMessage());
    }

    @Test
    void outMustFitTheResult() {
        Expr e = Expr.compile("a * 2");
        ExprException x = assertThrows(ExprException.class, () -> e.evaluate(OPS, NdArray.zeros(DType.FLOAT64, 4)));
        assertEquals("out has shape (4,) but the result has shape (3,)", x.getMessage());
        x = assertThrows(ExprException.class, () -> e.evaluate(OPS, NdArray.zeros(DType.INT64, 3)));
        assertEquals("cannot write a float64 result into a int64 out array", x.getMessage());
        // a safe conversion is fine: int64 into float64
        NdArray out = NdArray.zeros(DType.FLOAT64, 3);
        Expr.compile("i * 2").evaluate(OPS, out);
        assertEquals(6.0, out.getDouble(2));
    }

    @Test
    void axisOutOfBounds() {
        ExprException x = assertThrows(ExprException.class, () -> Expr.compile("sum(a, axis=1)").evaluate(OPS));
        assertEquals("axis 1 is out of bounds for a 1-d array", x.getMessage());
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "(".repeat(40_000) + "a" + ")".repeat(40_000);
        ExprException e = assertThrows(ExprException.class, () -> Expr.compile(deep));
        assertTrue(e.getMessage().startsWith("expression nested too deeply"), e.getMessage());
        String unary = "-".repeat(20_000) + "a";
        assertThrows(ExprException.class, () -> Expr.compile(unary));
        String chain = "a" + "+a".repeat(20_000);
        assertThrows(ExprException.class, () -> Expr.compile(chain));
        String power = "a" + "**a".repeat(20_000);
        assertThrows(ExprException.class, () -> Expr.compile(power));
        String calls = "sin(".repeat(20_000) + "a" + ")".repeat(20_000);
        assertThrows(ExprException.class, () -> Expr.compile(calls));
        e = assertThrows(ExprException.class, () -> Expr.compile("a".repeat(200_000)));
        assertTrue(e.getMessage().startsWith("expression too long"), e.getMessage());
    }

    /**
     * The other side of the limit: every form nested exactly {@link Parser#MAX_HEIGHT} levels deep compiles and
     * evaluates on the JVM's default thread stack (Surefire passes no -Xss, as ./jhpc passes none).
     */
    @Test
    void nestingAtTheLimitEvaluates() {
        int n = Parser.MAX_HEIGHT - 1;
        double[] a = {0.25, 0.5};
        Map<String, Object> ops = Map.of("a", a);
        String[] forms = {"(".repeat(n) + "a" + ")".repeat(n), "-".repeat(n) + "a", "a" + "+a".repeat(n),
                "a" + "**a".repeat(n), "abs(".repeat(n) + "a" + ")".repeat(n)};
        for (String src : forms) {
            NdArray r = Expr.compile(src).evaluate(ops);
            assertTrue(Double.isFinite(r.getDouble(1)), src.substring(0, 20) + "...: " + r.getDouble(1));
        }
        assertEquals(0.5 * (n + 1), Expr.compile(forms[2]).evaluate(ops).getDouble(1), 0.0);
        assertEquals(0.25, Expr.compile(forms[4]).evaluate(ops).getDouble(0), 0.0);
    }

    @Test
    void longButShallowExpressionsEvaluate() {
        // 400 terms in a balanced tree: tall enough to matter, far below the limit
        String src = balanced(400);
        double[] a = {1, 2, 3};
        NdArray r = Expr.compile(src).evaluate(Map.of("a", a));
        assertEquals(1200.0, r.getDouble(2));
    }

    private static String balanced(int n) {
        return n == 1 ? "a" : "(" + balanced(n / 2) + " + " + balanced(n - n / 2) + ")";
    }

    @Test
    void tooManyRegistersIsRefused() {
        StringBuilder sb = new StringBuilder("a");
        for (int k = 0; k < 400; k++) sb.append(k % 2 == 0 ? "+" : "*").append(k + 0.5);
        // a left-deep chain of 400 distinct constants: too tall for the parser limit, so build a flat sum of products
        String wide = "(" + String.join(") + (", java.util.stream.IntStream.range(0, 300).mapToObj(k -> "a*" + (k + 0.5)).toList()) + ")";
        ExprException e = assertThrows(ExprException.class, () -> Expr.compile(wide).evaluate(OPS));
        assertTrue(e.getMessage().contains("registers") || e.getMessage().contains("nested too deeply"), e.getMessage());
    }
}
