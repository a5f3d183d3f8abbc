package org.jhpc.profiler.workloads;

/**
 * Three allocation sizes interleaved in one ordinary loop, the pattern that biases TLAB-refill sampling: each of n
 * iterations allocates a long[18] (160 bytes with the 16-byte header) on {@link #SMALL_LINE}, a long[123] (1000
 * bytes) on {@link #BIG_LINE} and a long[48] (400 bytes) on {@link #MID_LINE}, kept briefly in a ring so that
 * escape analysis cannot remove them. Exact bytes per line: n times the size. Argument: n.
 */
public final class Interleaved {
    public static final int SMALL_LINE = 21;
    public static final int BIG_LINE = 22;
    public static final int MID_LINE = 23;
    public static final long SMALL = 160, BIG = 1000, MID = 400;
    private static final Object[] RING = new Object[64];

    private Interleaved() {}

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        for (int i = 0; i < n; i++) {
            RING[i & 63] = new long[18];
            RING[(i + 1) & 63] = new long[123];
            RING[(i + 2) & 63] = new long[48];
        }
        System.out.println("n=" + n);
    }
}
