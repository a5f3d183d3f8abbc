package org.jhpc.expr;

import java.util.Arrays;

/**
 * The element functions that the formulas of the table of operations ({@code src/main/ops/operations.txt}) call
 * beyond {@link Math}; kernels, constant folding and the reference evaluator all run those formulas (the vectorised
 * float64 transcendental functions may differ from {@link Math} in the last bit). Values are Boolean, Integer (int32), Long (int64), Double, {@link
 * Complex} and byte[] (byte strings, trailing NULs ignored as numpy does).
 * <p>Integer semantics follow numpy: wrap-around arithmetic; {@code %} takes the sign of the divisor and
 * {@code x % 0 == 0}; shifts by a count outside [0, width) give 0 (or -1 for {@code >>} of a negative);
 * {@code x**n} with {@code n < 0} is 1 for x == 1, ±1 for x == -1 and 0 otherwise. Float {@code %} is numpy's
 * remainder (sign of the divisor).
 */
final class Scalars {
    private Scalars() {}

    static final double LN10 = Math.log(10);

    // ---------------------------------------------------------------- float64

    static double mod(double a, double b) {
        double m = a % b;
        if (b == 0) return Double.NaN;
        if (m != 0) {
            if ((b < 0) != (m < 0)) m += b;
        } else {
            m = Math.copySign(0.0, b);
        }
        return m;
    }

    /** x**n by binary exponentiation over the bits of |n| (the kernels use the same multiplication order). */
    static double powi(double x, int n) {
        int k = Math.abs(n);
        double r = 1;
        double b = x;
        boolean first = true;
        while (k != 0) {
            if ((k & 1) != 0) {
                r = first ? b : r * b;
                first = false;
            }
            k >>>= 1;
            if (k != 0) b = b * b;
        }
        return n < 0 ? 1 / r : r;
    }

    /** float32 remainder with the divisor's sign, computed in float32 as numpy does. */
    static float mod(float a, float b) {
        float m = a % b;
        if (b == 0) return Float.NaN;
        if (m != 0) {
            if ((b < 0) != (m < 0)) m += b;
        } else {
            m = Math.copySign(0.0f, b);
        }
        return m;
    }

    /** float32 x**n, same multiplication order as {@link #powi(double, int)}. */
    static float powi(float x, int n) {
        int k = Math.abs(n);
        float r = 1;
        float b = x;
        boolean first = true;
        while (k != 0) {
            if ((k & 1) != 0) {
                r = first ? b : r * b;
                first = false;
            }
            k >>>= 1;
            if (k != 0) b = b * b;
        }
        return n < 0 ? 1 / r : r;
    }

    static double asinh(double x) {
        double a = Math.abs(x);
        double r;
        if (a > 1e8) r = Math.log(a) + Math.log(2);
        else r = Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return Math.copySign(r, x);
    }

    static double acosh(double x) {
        if (x < 1) return Double.NaN;
        if (x > 1e8) return Math.log(x) + Math.log(2);
        double t = x - 1;
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    static double atanh(double x) {
        double a = Math.abs(x);
        return Math.copySign(0.5 * Math.log1p(2 * a / (1 - a)), x);
    }

    // ---------------------------------------------------------------- integers

    static long mod(long a, long b) {
        return b == 0 ? 0 : Math.floorMod(a, b);
    }

    static int mod(int a, int b) {
        return b == 0 ? 0 : Math.floorMod(a, b);
    }

    static long powi(long x, long n) {
        if (n < 0) return x == 1 ? 1 : x == -1 ? ((n & 1) == 0 ? 1 : -1) : 0;
        long r = 1;
        long b = x;
        while (n != 0) {
            if ((n & 1) != 0) r *= b;
            n >>>= 1;
            if (n != 0) b *= b;
        }
        return r;
    }

    static int powi(int x, int n) {
        if (n < 0) return x == 1 ? 1 : x == -1 ? ((n & 1) == 0 ? 1 : -1) : 0;
        int r = 1;
        int b = x;
        while (n != 0) {
            if ((n & 1) != 0) r *= b;
            n >>>= 1;
            if (n != 0) b *= b;
        }
        return r;
    }

    static long shl(long a, long s) {
        return s < 0 || s >= 64 ? 0 : a << s;
    }

    static long shr(long a, long s) {
        return s < 0 || s >= 64 ? (a < 0 ? -1 : 0) : a >> s;
    }

    static int shl(int a, int s) {
        return s < 0 || s >= 32 ? 0 : a << s;
    }

    static int shr(int a, int s) {
        return s < 0 || s >= 32 ? (a < 0 ? -1 : 0) : a >> s;
    }

    /** numpy's floor division of doubles (its npy_divmod): the quotient rounded toward minus infinity. */
    static double floorDiv(double a, double b) {
        if (b == 0) return a / b;
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) div -= 1;
        if (div == 0) return Math.copySign(0.0, a / b);
        double f = Math.floor(div);
        return div - f > 0.5 ? f + 1 : f;
    }

    /** Integer floor division as numpy's, with {@code x // 0 == 0}. */
    static long floorDiv(long a, long b) {
        return b == 0 ? 0 : Math.floorDiv(a, b);
    }

    static int floorDiv(int a, int b) {
        return b == 0 ? 0 : Math.floorDiv(a, b);
    }

    // ---------------------------------------------------------------- complex

    static Complex mul(Complex a, Complex b) {
        return new Complex(a.re() * b.re() - a.im() * b.im(), a.re() * b.im() + a.im() * b.re());
    }

    /** Smith's division, as numpy does it. */
    static Complex div(Complex a, Complex b) {
        double c = b.re();
        double d = b.im();
        if (Math.abs(c) >= Math.abs(d)) {
            if (c == 0 && d == 0) return new Complex(a.re() / Math.abs(c), a.im() / Math.abs(c));
            double r = d / c;
            double den = c + d * r;
            return new Complex((a.re() + a.im() * r) / den, (a.im() - a.re() * r) / den);
        }
        double r = c / d;
        double den = c * r + d;
        return new Complex((a.re() * r + a.im()) / den, (a.im() * r - a.re()) / den);
    }

    static Complex add(Complex a, Complex b) {
        return new Complex(a.re() + b.re(), a.im() + b.im());
    }

    static Complex sub(Complex a, Complex b) {
        return new Complex(a.re() - b.re(), a.im() - b.im());
    }

    static Complex exp(Complex z) {
        double e = Math.exp(z.re());
        if (z.im() == 0) return new Complex(e, z.im());
        return new Complex(e * Math.cos(z.im()), e * Math.sin(z.im()));
    }

    static Complex log(Complex z) {
        return new Complex(Math.log(Math.hypot(z.re(), z.im())), Math.atan2(z.im(), z.re()));
    }

    static Complex sqrt(Complex z) {
        double a = z.re();
        double b = z.im();
        if (a == 0 && b == 0) return new Complex(0, b);
        double t = Math.sqrt((Math.abs(a) + Math.hypot(a, b)) / 2);
        if (a >= 0) return new Complex(t, b / (2 * t));
        return new Complex(Math.abs(b) / (2 * t), Math.copySign(t, b));
    }

    static Complex powi(Complex x, int n) {
        int k = Math.abs(n);
        Complex r = new Complex(1, 0);
        Complex b = x;
        boolean first = true;
        while (k != 0) {
            if ((k & 1) != 0) {
                r = first ? b : mul(r, b);
                first = false;
            }
            k >>>= 1;
            if (k != 0) b = mul(b, b);
        }
        return n < 0 ? div(new Complex(1, 0), r) : r;
    }

    static Complex pow(Complex a, Complex b) {
        if (b.re() == 0 && b.im() == 0) return new Complex(1, 0);
        if (a.re() == 0 && a.im() == 0) {
            return b.im() == 0 && b.re() > 0 ? new Complex(0, 0) : new Complex(Double.NaN, Double.NaN);
        }
        return exp(mul(b, log(a)));
    }

    private static final Complex ONE = new Complex(1, 0);
    private static final Complex I = new Complex(0, 1);

    static Complex unary(Op op, Complex z) {
        double a = z.re();
        double b = z.im();
        return switch (op) {
            case NEG -> new Complex(-a, -b);
            case CONJ -> new Complex(a, -b);
            case SIN -> new Complex(Math.sin(a) * Math.cosh(b), Math.cos(a) * Math.sinh(b));
            case COS -> new Complex(Math.cos(a) * Math.cosh(b), -Math.sin(a) * Math.sinh(b));
            case TAN -> div(unary(Op.SIN, z), unary(Op.COS, z));
            case SINH -> new Complex(Math.sinh(a) * Math.cos(b), Math.cosh(a) * Math.sin(b));
            case COSH -> new Complex(Math.cosh(a) * Math.cos(b), Math.sinh(a) * Math.sin(b));
            case TANH -> div(unary(Op.SINH, z), unary(Op.COSH, z));
            case EXP -> exp(z);
            case EXPM1 -> new Complex(Math.expm1(a) * Math.cos(b) - 2 * Math.sin(b / 2) * Math.sin(b / 2), Math.exp(a) * Math.sin(b));
            case LOG -> log(z);
            case LOG10 -> {
                Complex l = log(z);
                yield new Complex(l.re() / LN10, l.im() / LN10);
            }
            case LOG1P -> log(new Complex(1 + a, b));
            case SQRT -> sqrt(z);
            // arcsin z = -i log(iz + sqrt(1 - z^2))
            case ARCSIN -> {
                Complex w = log(add(mul(I, z), sqrt(sub(ONE, mul(z, z)))));
                yield new Complex(w.im(), -w.re());
            }
            // arccos z = pi/2 - arcsin z
            case ARCCOS -> {
                Complex s = unary(Op.ARCSIN, z);
                yield new Complex(Math.PI / 2 - s.re(), -s.im());
            }
            // arctan z = (i/2) log((i + z)/(i - z))
            case ARCTAN -> {
                Complex w = log(div(add(I, z), sub(I, z)));
                yield new Complex(-w.im() / 2, w.re() / 2);
            }
            case ARCSINH -> log(add(z, sqrt(add(mul(z, z), ONE))));
            case ARCCOSH -> log(add(z, mul(sqrt(add(z, ONE)), sqrt(sub(z, ONE)))));
            case ARCTANH -> {
                Complex w = log(div(add(ONE, z), sub(ONE, z)));
                yield new Complex(w.re() / 2, w.im() / 2);
            }
            default -> throw new IllegalStateException("no complex " + op);
        };
    }

    // ---------------------------------------------------------------- byte strings

    static int length(byte[] s) {
        int n = s.length;
        while (n > 0 && s[n - 1] == 0) n--;
        return n;
    }

    static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, 0, length(a), b, 0, length(b));
    }

    static boolean contains(byte[] hay, int ho, int hn, byte[] needle, int no, int nn) {
        while (hn > 0 && hay[ho + hn - 1] == 0) hn--;
        while (nn > 0 && needle[no + nn - 1] == 0) nn--;
        outer:
        for (int i = 0; i + nn <= hn; i++) {
            for (int j = 0; j < nn; j++) if (hay[ho + i + j] != needle[no + j]) continue outer;
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- conversions

    static Object cast(Object v, DType to) {
        if (v instanceof Boolean b) {
            return switch (to) {
                case BOOL -> b;
                case INT32 -> b ? 1 : 0;
                case INT64 -> b ? 1L : 0L;
                case FLOAT32 -> b ? 1.0f : 0.0f;
                case FLOAT64 -> b ? 1.0 : 0.0;
                case COMPLEX128 -> new Complex(b ? 1 : 0, 0);
                default -> throw new IllegalStateException();
            };
        }
        if (v instanceof Float f) {
            return switch (to) {
                case FLOAT32 -> f;
                case FLOAT64 -> (double) f;
                case COMPLEX128 -> new Complex(f, 0);
                default -> throw new IllegalStateException();
            };
        }
        if (v instanceof Integer i) {
            return switch (to) {
                case INT32 -> i;
                case INT64 -> (long) i;
                case FLOAT32 -> (float) i;
                case FLOAT64 -> (double) i;
                case COMPLEX128 -> new Complex(i, 0);
                default -> throw new IllegalStateException();
            };
        }
        if (v instanceof Long l) {
            return switch (to) {
                case INT64 -> l;
                case INT32 -> (int) (long) l;
                case FLOAT32 -> (float) l;
                case FLOAT64 -> (double) l;
                case COMPLEX128 -> new Complex(l, 0);
                default -> throw new IllegalStateException();
            };
        }
        if (v instanceof Double d) {
            return switch (to) {
                case FLOAT64 -> d;
                case FLOAT32 -> (float) (double) d;
                case COMPLEX128 -> new Complex(d, 0);
                default -> throw new IllegalStateException();
            };
        }
        if (to == DType.COMPLEX128 && v instanceof Complex || to == DType.BYTES && v instanceof byte[]) return v;
        throw new IllegalStateException("cannot cast " + v + " to " + to);
    }

    // ---------------------------------------------------------------- the dispatcher

    /**
     * Applies {@code op} to values of type {@code t} (already cast); the result has the op's result type. Byte
     * strings are here; every other type runs the scalar formula of the table of operations ({@link Dispatch#scalar}).
     */
    static Object apply(Op op, DType t, int param, Object... v) {
        if (op == Op.CAST) return v[0];
        if (t == DType.BYTES) {
            byte[] a = (byte[]) v[0];
            byte[] b = (byte[]) v[1];
            if (op == Op.CONTAINS) return contains(a, 0, a.length, b, 0, b.length);
            return MiscKernels.test(op, compare(a, b));
        }
        return Dispatch.scalar(op, t, param, v);
    }
}
