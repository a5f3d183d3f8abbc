package org.jhpc.core;

/**
 * The one range splitter: [0, n) cut into {@code parts} contiguous pieces whose sizes differ by at most one (the
 * first n mod parts pieces get the extra index). Piece k is [start(n, parts, k), start(n, parts, k + 1)), of
 * length {@link #length(long, int, int)}. Used wherever work is shared out: auc's points over threads and ranks,
 * diff2d's rows over threads, its MPI blocks along each dimension. Exact for every n ≤ Long.MAX_VALUE.
 */
public final class Ranges {
    private Ranges() {}

    /** First index of piece k (0 ≤ k ≤ parts); start(n, parts, 0) = 0 and start(n, parts, parts) = n. */
    public static long start(long n, int parts, int k) {
        if (n < 0 || parts < 1 || k < 0 || k > parts) {
            throw new IllegalArgumentException("piece " + k + " of " + parts + " of " + n);
        }
        long q = n / parts, r = n % parts;
        return q * k + Math.min(k, r);
    }

    /** {@link #start(long, int, int)} for int ranges (the result fits an int). */
    public static int start(int n, int parts, int k) {
        return (int) start((long) n, parts, k);
    }

    /** Length of piece k (0 ≤ k < parts): n / parts, plus one for the first n mod parts pieces. */
    public static int length(int n, int parts, int k) {
        return start(n, parts, k + 1) - start(n, parts, k);
    }
}
