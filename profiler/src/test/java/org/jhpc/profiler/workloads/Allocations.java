package org.jhpc.profiler.workloads;

/**
 * A workload that allocates known byte counts on known lines: each of n iterations allocates, in an order drawn
 * from a fixed xorshift sequence, either a long[94] (768 bytes with a 16-byte header) on {@link #BIG_LINE} or a
 * long[30] (256 bytes) on {@link #SMALL_LINE}, kept alive briefly in a ring so that escape analysis cannot remove
 * them. About half the draws go each way, so about 75% of the bytes come from the first line. The order is random
 * because a strictly periodic pattern aliases with the TLAB boundaries that JFR's allocation events sample at.
 * Then n/8 two-long objects ({@link Pair}) on {@link #OBJECT_LINE}. Argument: n. Prints {@code big=B small=S}, the
 * number of arrays allocated on each of the first two lines.
 */
public final class Allocations {
    public static final int BIG_LINE = 31;
    public static final int SMALL_LINE = 34;
    public static final int OBJECT_LINE = 38;
    public static final long BIG_DATA_BYTES = 94L * 8;
    public static final long SMALL_DATA_BYTES = 30L * 8;
    private static final Object[] RING = new Object[64];

    private Allocations() {}

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        long h = 88172645463325252L;
        long big = 0;
        for (int i = 0; i < n; i++) {
            h ^= h << 13;
            h ^= h >>> 7;
            h ^= h << 17;
            if ((h & 1) == 0) {
                RING[i & 63] = new long[94];
                big++;
            } else {
                RING[i & 63] = new long[30];
            }
        }
        for (int i = 0; i < n / 8; i++) {
            RING[i & 63] = new Pair(i, big);
        }
        System.out.println("big=" + big + " small=" + (n - big));
    }

    /** An object of known size: a header and two longs. */
    record Pair(long a, long b) {}
}
