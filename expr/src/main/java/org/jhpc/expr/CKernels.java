package org.jhpc.expr;

/**
 * complex128 block kernels over interleaved (re, im) arrays; offsets count complex elements. Each loop reads an
 * element's operands before writing it, so the destination may alias an operand.
 */
final class CKernels {
    private CKernels() {}

    static Complex at(double[] a, int i) {
        return new Complex(a[2 * i], a[2 * i + 1]);
    }

    static void put(double[] d, int i, Complex z) {
        d[2 * i] = z.re();
        d[2 * i + 1] = z.im();
    }

    static void add(double[] a, int ao, double[] b, int bo, double[] d, int o, int n) {
        for (int i = 0; i < n; i++) {
            double re = a[2 * (ao + i)] + b[2 * (bo + i)];
            double im = a[2 * (ao + i) + 1] + b[2 * (bo + i) + 1];
            d[2 * (o + i)] = re;
            d[2 * (o + i) + 1] = im;
        }
    }

    static void sub(double[] a, int ao, double[] b, int bo, double[] d, int o, int n) {
        for (int i = 0; i < n; i++) {
            double re = a[2 * (ao + i)] - b[2 * (bo + i)];
            double im = a[2 * (ao + i) + 1] - b[2 * (bo + i) + 1];
            d[2 * (o + i)] = re;
            d[2 * (o + i) + 1] = im;
        }
    }

    static void mul(double[] a, int ao, double[] b, int bo, double[] d, int o, int n) {
        for (int i = 0; i < n; i++) put(d, o + i, Scalars.mul(at(a, ao + i), at(b, bo + i)));
    }

    static void div(double[] a, int ao, double[] b, int bo, double[] d, int o, int n) {
        for (int i = 0; i < n; i++) put(d, o + i, Scalars.div(at(a, ao + i), at(b, bo + i)));
    }

    static void pow(double[] a, int ao, double[] b, int bo, double[] d, int o, int n) {
        for (int i = 0; i < n; i++) put(d, o + i, Scalars.pow(at(a, ao + i), at(b, bo + i)));
    }

    static void powi(double[] a, int ao, double[] d, int o, int n, int p) {
        for (int i = 0; i < n; i++) put(d, o + i, Scalars.powi(at(a, ao + i), p));
    }

    static void unary(Op op, double[] a, int ao, double[] d, int o, int n) {
        for (int i = 0; i < n; i++) put(d, o + i, Scalars.unary(op, at(a, ao + i)));
    }

    static void abs(double[] a, int ao, double[] d, int o, int n) {
        for (int i = 0; i < n; i++) d[o + i] = Math.hypot(a[2 * (ao + i)], a[2 * (ao + i) + 1]);
    }

    static void part(double[] a, int ao, double[] d, int o, int n, int which) {
        for (int i = 0; i < n; i++) d[o + i] = a[2 * (ao + i) + which];
    }

    static void make(double[] re, int ro, double[] im, int io, double[] d, int o, int n) {
        for (int i = 0; i < n; i++) {
            double r = re[ro + i];
            double m = im[io + i];
            d[2 * (o + i)] = r;
            d[2 * (o + i) + 1] = m;
        }
    }

    static void eq(double[] a, int ao, double[] b, int bo, boolean[] d, int o, int n, boolean negate) {
        for (int i = 0; i < n; i++) {
            boolean e = a[2 * (ao + i)] == b[2 * (bo + i)] && a[2 * (ao + i) + 1] == b[2 * (bo + i) + 1];
            d[o + i] = e != negate;
        }
    }

    static void where(boolean[] c, int co, double[] a, int ao, double[] b, int bo, double[] d, int o, int n) {
        for (int i = 0; i < n; i++) {
            double[] s = c[co + i] ? a : b;
            int k = c[co + i] ? ao + i : bo + i;
            double re = s[2 * k];
            double im = s[2 * k + 1];
            d[2 * (o + i)] = re;
            d[2 * (o + i) + 1] = im;
        }
    }

    /** Adds the n elements to acc (re, im). */
    static void sum(double[] a, int ao, int n, double[] acc) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < n; i++) {
            re += a[2 * (ao + i)];
            im += a[2 * (ao + i) + 1];
        }
        acc[0] = re;
        acc[1] = im;
    }

    static void prod(double[] a, int ao, int n, double[] acc) {
        Complex p = new Complex(1, 0);
        for (int i = 0; i < n; i++) p = Scalars.mul(p, at(a, ao + i));
        acc[0] = p.re();
        acc[1] = p.im();
    }
}
