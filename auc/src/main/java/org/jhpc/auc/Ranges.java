package org.jhpc.auc;

/**
 * Splitting the index range [0, n) into {@code parts} contiguous pieces whose sizes differ by at most one (the
 * first n mod parts pieces get the extra point): piece k is [start(n, parts, k), start(n, parts, k + 1)). Used by
 * the threads variant and by any variant that distributes points (ranks, tasks). Exact for every n ≤ Long.MAX_VALUE.
 */
public final class Ranges {
    private Ranges() {}

    /** First index of piece k (0 ≤ k ≤ parts); start(n, parts, parts) = n. */
    public static long start(long n, int parts, int k) {
        if (parts < 1 || k < 0 || k > parts) throw new IllegalArgumentException("piece " + k + " of " + parts);
        long q = n / parts, r = n % parts;
        return q * k + Math.min(k, r);
    }
}
