package org.jhpc.profiler.workloads;

/**
 * Two phases of equal work, one at the bottom of a 2,000-frame recursion: each round, {@link #deep} recurses
 * {@code depth} frames down and spins n xorshift steps there, then {@link #flat} spins n steps at the top. So deep
 * (on the stack of every sample of the first phase) has half of deep+flat, if the stacks are recorded whole.
 * Arguments: rounds n depth.
 */
public final class DeepRecursion {
    private DeepRecursion() {}

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        long n = Long.parseLong(args[1]);
        int depth = Integer.parseInt(args[2]);
        long sum = 0;
        for (int r = 0; r < rounds; r++) {
            sum += deep(n, depth);
            sum += flat(n);
        }
        System.out.println("checksum " + (sum != 0));
    }

    static long deep(long n, int depth) {
        return down(n, depth);
    }

    static long down(long n, int left) {
        return left == 0 ? TimeSplit.spin(n, 3) : down(n, left - 1) + 1;
    }

    static long flat(long n) {
        return TimeSplit.spin(n, 5);
    }
}
