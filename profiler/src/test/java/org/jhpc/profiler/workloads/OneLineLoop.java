package org.jhpc.profiler.workloads;

import org.jhpc.profiler.Profile;

/**
 * A loop written on one line ({@link #LOOP_LINE}), called R times with n iterations: under --exact its line must
 * count 1 + n executions per call (the entry, then each jump back, as Python's line events count a one-line loop),
 * not one. Arguments: R n.
 */
public final class OneLineLoop {
    public static final int LOOP_LINE = 25;

    private OneLineLoop() {}

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        long s = 0;
        for (int r = 0; r < rounds; r++) s += sum(n);
        System.out.println("sum " + s);
    }

    @Profile
    static long sum(int n) {
        long s = 0; for (int i = 0; i < n; i++) s += i;
        return s;
    }
}
