package org.jhpc.diffusion;

/**
 * A read-only view of a solver's current density, {@code size × size} points including the boundary. It reads the
 * solver's own storage (no copy) and is valid until the solver advances again.
 */
public interface Field {
    int size();

    double get(int i, int j);

    /** Copies row {@code i} into {@code dst[0..size)}. */
    default void row(int i, double[] dst) {
        for (int j = 0; j < size(); j++) dst[j] = get(i, j);
    }

    /** A view of a row-major flat array. */
    static Field ofFlat(double[] a, int n) {
        return new Field() {
            @Override public int size() { return n; }
            @Override public double get(int i, int j) { return a[i * n + j]; }
            @Override public void row(int i, double[] dst) { System.arraycopy(a, i * n, dst, 0, n); }
        };
    }
}
