package org.jhpc.expr;

/**
 * The element types the engine computes with, numexpr's kinds in order of promotion:
 * {@code bool < int32 < int64 < float32 < float64 < complex128} (so int64 with float32 is float32, as in
 * numexpr 2.8, where numpy would give float64); {@code bytes} (fixed-width byte strings, numpy's {@code S}
 * dtype) stands apart and only meets comparisons and {@code contains}.
 * <p>Storage: bool {@code boolean[]}, int32 {@code int[]}, int64 {@code long[]}, float32 {@code float[]},
 * float64 {@code double[]},
 * complex128 {@code double[]} with interleaved (re, im) pairs, bytes {@code byte[]} with a fixed item size.
 */
public enum DType {
    BOOL("bool", "|b1"),
    INT32("int32", "<i4"),
    INT64("int64", "<i8"),
    FLOAT32("float32", "<f4"),
    FLOAT64("float64", "<f8"),
    COMPLEX128("complex128", "<c16"),
    BYTES("bytes", "|S");

    private final String pyName;
    private final String descr;

    DType(String pyName, String descr) {
        this.pyName = pyName;
        this.descr = descr;
    }

    /** numpy's name of the type ({@code float64}, {@code bytes}...). */
    public String pyName() {
        return pyName;
    }

    /** The .npy descr prefix ({@code <f8}; bytes add their item size: {@code |S5}). */
    public String descr() {
        return descr;
    }

    /** True for the number kinds int32, int64, float32, float64, complex128 (not bool, not bytes). */
    public boolean isNumeric() {
        return this == INT32 || this == INT64 || this == FLOAT32 || this == FLOAT64 || this == COMPLEX128;
    }

    /** True for int32 and int64. */
    public boolean isInteger() {
        return this == INT32 || this == INT64;
    }

    /** numexpr's promotion: the larger of two kinds in the order bool, int32, int64, float32, float64, complex128; bytes only with bytes. */
    public static DType promote(DType a, DType b) {
        if (a == BYTES || b == BYTES) return a == b ? BYTES : null;
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    @Override
    public String toString() {
        return pyName;
    }
}
