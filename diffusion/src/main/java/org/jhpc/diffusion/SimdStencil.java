package org.jhpc.diffusion;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Stencil} on the Vector API: the same additions and multiplications in the same order, lane for lane, so
 * the results are bit-identical to the scalar kernel. The remainder of a row that does not fill a vector runs the
 * scalar statement. Load this class only when {@link org.jhpc.core.Simd#enabled()}.
 */
public final class SimdStencil {
    private SimdStencil() {}

    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    static RowKernel kernel() {
        return SimdStencil::row;
    }

    public static void row(double[] src, double[] dst, int n, double coef, int i) {
        int k = i * n + 1;
        int end = i * n + n - 1;
        int bound = k + S.loopBound(end - k);
        for (; k < bound; k += S.length()) {
            DoubleVector c = DoubleVector.fromArray(S, src, k);
            DoubleVector lapl = DoubleVector.fromArray(S, src, k + n)
                    .add(DoubleVector.fromArray(S, src, k - n))
                    .add(DoubleVector.fromArray(S, src, k + 1))
                    .add(DoubleVector.fromArray(S, src, k - 1))
                    .sub(c.mul(4.0));
            c.add(lapl.mul(coef)).intoArray(dst, k);
        }
        for (; k < end; k++) {
            dst[k] = Stencil.update(src[k], coef,
                    Stencil.laplacian(src[k + n], src[k - n], src[k + 1], src[k - 1], src[k]));
        }
    }
}
