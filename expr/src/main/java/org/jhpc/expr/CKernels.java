package org.jhpc.expr;

/**
 * complex128 reductions over interleaved (re, im) arrays (the element-wise complex kernels are generated from the
 * table of operations, {@link C128}); offsets count complex elements.
 */
final class CKernels {
    private CKernels() {}

    static Complex at(double[] a, int i) {
        return new Complex(a[2 * i], a[2 * i + 1]);
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
