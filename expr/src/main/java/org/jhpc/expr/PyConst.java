package org.jhpc.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Folds the sub-expressions made of literals only with Python's arithmetic, before typing, as numexpr does (it
 * hands the text to Python, which evaluates every all-constant part with its own numbers):
 * <ul>
 * <li>integers are exact (no wrap-around): {@code 2**40} is 1099511627776, typed int64 because it does not fit in
 * int32; a result outside int64 is refused, as numexpr refuses it (OverflowError);</li>
 * <li>{@code /} is true division, {@code //} floors, {@code %} takes the divisor's sign, {@code 2**-1} is 0.5;
 * division by zero is refused (ZeroDivisionError);</li>
 * <li>bools are the integers 0 and 1 in arithmetic ({@code True + True == 2}), bools with {@code & | ^} stay bools;</li>
 * <li>floats are float64, complex literals complex128, comparisons give bools.</li>
 * </ul>
 * Byte strings and calls are left to the type checker (which folds calls on constants with the kernels' formulas).
 */
final class PyConst {
    private PyConst() {}

    private static final BigInteger MIN64 = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX64 = BigInteger.valueOf(Long.MAX_VALUE);
    /** The largest integer result computed exactly (bits); Python could go further, int64 cannot hold it anyway. */
    private static final int MAX_BITS = 4096;

    static Node fold(String src, Node n) {
        return switch (n) {
            case Node.Unary u -> {
                Node a = fold(src, u.arg());
                if (a instanceof Node.Num x) yield num(unary(src, u, x.value()), u.pos(), src);
                yield a == u.arg() ? u : new Node.Unary(u.op(), a, u.pos());
            }
            case Node.Binary b -> {
                Node l = fold(src, b.left());
                Node r = fold(src, b.right());
                if (l instanceof Node.Num x && r instanceof Node.Num y) yield num(binary(src, b, x.value(), y.value()), b.pos(), src);
                yield l == b.left() && r == b.right() ? b : new Node.Binary(b.op(), l, r, b.pos());
            }
            case Node.Call c -> {
                java.util.List<Node> args = new java.util.ArrayList<>();
                boolean same = true;
                for (Node a : c.args()) {
                    Node f = fold(src, a);
                    same &= f == a;
                    args.add(f);
                }
                yield same ? c : new Node.Call(c.fn(), args, c.axis(), c.pos());
            }
            default -> n;
        };
    }

    private static Node num(Object v, int pos, String src) {
        if (v instanceof BigInteger b) {
            if (b.compareTo(MIN64) < 0 || b.compareTo(MAX64) > 0) {
                throw new ExprException("integer constant " + clip(b.toString()) + " does not fit in int64", src, pos);
            }
            v = b.longValue();
        }
        return new Node.Num(v, pos);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static boolean isInt(Object v) {
        return v instanceof Long || v instanceof BigInteger || v instanceof Boolean;
    }

    private static BigInteger big(Object v) {
        return switch (v) {
            case Boolean z -> z ? BigInteger.ONE : BigInteger.ZERO;
            case Long l -> BigInteger.valueOf(l);
            default -> (BigInteger) v;
        };
    }

    private static double dbl(Object v) {
        return switch (v) {
            case Boolean z -> z ? 1 : 0;
            case Long l -> l;
            case BigInteger b -> b.doubleValue();
            default -> (Double) v;
        };
    }

    private static Complex cplx(Object v) {
        return v instanceof Complex c ? c : new Complex(dbl(v), 0);
    }

    private static ExprException err(String src, int pos, String msg) {
        return new ExprException(msg, src, pos);
    }

    private static Object unary(String src, Node.Unary u, Object v) {
        switch (u.op()) {
            case "-" -> {
                if (isInt(v)) return big(v).negate();
                if (v instanceof Double d) return -d;
                Complex c = (Complex) v;
                return new Complex(-c.re(), -c.im());
            }
            case "+" -> {
                return v instanceof Boolean ? big(v) : v;
            }
            default -> {
                if (v instanceof Boolean z) return big(z).not();
                if (isInt(v)) return big(v).not();
                throw err(src, u.pos(), "'~' needs a bool or an integer, not a " + (v instanceof Double ? "float" : "complex") + " constant");
            }
        }
    }

    private static Object binary(String src, Node.Binary b, Object x, Object y) {
        String op = b.op();
        int pos = b.pos();
        boolean ints = isInt(x) && isInt(y);
        boolean complex = x instanceof Complex || y instanceof Complex;
        switch (op) {
            case "+", "-", "*" -> {
                if (ints) return op.equals("+") ? big(x).add(big(y)) : op.equals("-") ? big(x).subtract(big(y)) : big(x).multiply(big(y));
                if (complex) {
                    Complex p = cplx(x);
                    Complex q = cplx(y);
                    return op.equals("+") ? Scalars.add(p, q) : op.equals("-") ? Scalars.sub(p, q) : Scalars.mul(p, q);
                }
                double p = dbl(x);
                double q = dbl(y);
                return op.equals("+") ? p + q : op.equals("-") ? p - q : p * q;
            }
            case "/" -> {
                if (complex) {
                    Complex q = cplx(y);
                    if (q.re() == 0 && q.im() == 0) throw err(src, pos, "division by zero in a constant");
                    return Scalars.div(cplx(x), q);
                }
                if (dbl(y) == 0) throw err(src, pos, "division by zero in a constant");
                if (ints) return new BigDecimal(big(x)).divide(new BigDecimal(big(y)), MathContext.DECIMAL128).doubleValue();
                return dbl(x) / dbl(y);
            }
            case "//", "%" -> {
                if (complex) throw err(src, pos, "'" + op + "' is not defined for complex numbers");
                if (dbl(y) == 0) throw err(src, pos, (op.equals("%") ? "modulo" : "division") + " by zero in a constant");
                if (ints) {
                    BigInteger[] qr = big(x).divideAndRemainder(big(y));
                    BigInteger q = qr[0];
                    BigInteger r = qr[1];
                    if (r.signum() != 0 && r.signum() != big(y).signum()) {
                        q = q.subtract(BigInteger.ONE);
                        r = r.add(big(y));
                    }
                    return op.equals("//") ? q : r;
                }
                double p = dbl(x);
                double q = dbl(y);
                double m = Scalars.mod(p, q);
                return op.equals("%") ? m : (p - m) / q;
            }
            case "**" -> {
                if (complex) return Scalars.pow(cplx(x), cplx(y));
                if (ints && big(y).signum() >= 0) {
                    BigInteger base = big(x);
                    BigInteger e = big(y);
                    if (base.abs().compareTo(BigInteger.ONE) <= 0) return base.pow(e.signum() == 0 ? 0 : e.testBit(0) ? 1 : 2);
                    if (e.bitLength() > 16 || (long) base.bitLength() * e.longValue() > MAX_BITS) {
                        throw err(src, pos, "integer constant " + base + "**" + e + " does not fit in int64");
                    }
                    return base.pow(e.intValue());
                }
                double p = dbl(x);
                double q = dbl(y);
                if (p == 0 && q < 0) throw err(src, pos, "zero to a negative power in a constant");
                if (p < 0 && q != Math.rint(q)) return Scalars.pow(cplx(x), cplx(y));
                return Math.pow(p, q);
            }
            case "<<", ">>" -> {
                if (!ints) throw err(src, pos, "'" + op + "' needs integers");
                BigInteger s = big(y);
                if (s.signum() < 0) throw err(src, pos, "negative shift count in a constant");
                if (op.equals(">>")) return big(x).shiftRight(s.min(BigInteger.valueOf(MAX_BITS)).intValue());
                if (s.compareTo(BigInteger.valueOf(MAX_BITS)) > 0 && big(x).signum() != 0) {
                    throw err(src, pos, "integer constant " + big(x) + " << " + s + " does not fit in int64");
                }
                return big(x).shiftLeft(s.intValue());
            }
            case "&", "|", "^" -> {
                if (x instanceof Boolean p && y instanceof Boolean q) return op.equals("&") ? p & q : op.equals("|") ? p | q : p ^ q;
                if (!ints) throw err(src, pos, "'" + op + "' needs two bools or two integers");
                return op.equals("&") ? big(x).and(big(y)) : op.equals("|") ? big(x).or(big(y)) : big(x).xor(big(y));
            }
            default -> {
                if (complex) {
                    if (!op.equals("==") && !op.equals("!=")) throw err(src, pos, "complex numbers have no order; only == and != compare them");
                    boolean eq = cplx(x).equals(cplx(y)) || cplx(x).re() == cplx(y).re() && cplx(x).im() == cplx(y).im();
                    return op.equals("==") == eq;
                }
                int c = ints ? big(x).compareTo(big(y)) : Double.compare(dbl(x), dbl(y));
                double p = dbl(x);
                double q = dbl(y);
                if (!ints && (Double.isNaN(p) || Double.isNaN(q))) return op.equals("!=");
                if (!ints) c = p < q ? -1 : p > q ? 1 : 0;
                return switch (op) {
                    case "==" -> c == 0;
                    case "!=" -> c != 0;
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
            }
        }
    }
}
