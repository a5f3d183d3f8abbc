package org.jhpc.tutorial.arrays;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import org.jhpc.expr.NdArray;

/**
 * numpy's {@code @} for float64: inner product, matrix-vector and matrix-matrix product, through BLAS
 * ({@code dev.ludovic.netlib:blas}, the library Spark uses: pure-Java kernels on the Vector API), against the
 * textbook triple loop. BLAS is column-major (Fortran); a row-major m×n matrix is, to BLAS, its n×m transpose,
 * so C = A·B (row-major) is computed as Cᵀ = Bᵀ·Aᵀ (column-major), with no copy.
 */
public final class Products {
    private Products() {}

    /** The BLAS used: the pure-Java one (no native library needed, no warning printed when none is installed). */
    static final BLAS BLAS_ = JavaBLAS.getInstance();

    /** Its class name, e.g. {@code dev.ludovic.netlib.blas.VectorBLAS}. */
    public static String blasName() {
        return BLAS_.getClass().getName();
    }

    /** a @ b for 1-D a, b of one length: Σ a_i b_i (ddot). */
    public static double dot(NdArray a, NdArray b) {
        double[] x = a.toDoubleArray(), y = b.toDoubleArray();
        if (x.length != y.length) throw new IllegalArgumentException("dot of lengths " + x.length + " and " + y.length);
        return BLAS_.ddot(x.length, x, 1, y, 1);
    }

    /** a @ x for an m×n matrix and an n-vector: y_i = Σ_j a_ij x_j (dgemv). */
    public static NdArray matvec(NdArray a, NdArray x) {
        int m = a.shape()[0], n = a.shape()[1];
        double[] y = new double[m];
        // row-major a (m×n) is column-major aᵀ (n×m, lda = n): y = (aᵀ)ᵀ x
        BLAS_.dgemv("T", n, m, 1.0, a.toDoubleArray(), n, x.toDoubleArray(), 1, 0.0, y, 1);
        return NdArray.of(y);
    }

    /** a @ b for an m×k and a k×n matrix: c_ij = Σ_l a_il b_lj (dgemm). */
    public static NdArray matmul(NdArray a, NdArray b) {
        int m = a.shape()[0], k = a.shape()[1], n = b.shape()[1];
        if (b.shape()[0] != k) throw new IllegalArgumentException("matmul of " + k + " columns and " + b.shape()[0] + " rows");
        double[] c = new double[m * n];
        matmul(m, k, n, a.toDoubleArray(), b.toDoubleArray(), c);
        return NdArray.of(c).reshape(m, n);
    }

    /** c = a·b on row-major arrays (c modified; a, b not modified), by BLAS dgemm. */
    public static void matmul(int m, int k, int n, double[] a, double[] b, double[] c) {
        BLAS_.dgemm("N", "N", n, m, k, 1.0, b, n, a, k, 0.0, c, n);
    }

    /** c = a·b on row-major arrays by the textbook loop: c_ij = Σ_l a_il b_lj, l innermost (c modified). */
    public static void naiveMatmul(int m, int k, int n, double[] a, double[] b, double[] c) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) s += a[i * k + l] * b[l * n + j];
                c[i * n + j] = s;
            }
        }
    }
}
