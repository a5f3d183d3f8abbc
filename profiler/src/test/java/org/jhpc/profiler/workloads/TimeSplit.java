package org.jhpc.profiler.workloads;

import org.jhpc.profiler.Profile;

/**
 * A workload whose time splits in known ratios. Each round calls {@link #heavy} (3n steps) then {@link #light}
 * (n steps) from two lines of {@link #main}, then {@link #twoLines}, whose first loop takes 3n steps and second n:
 * so heavy gets 75% of heavy+light, main's heavy line 75% of the two call lines, and twoLines' first loop 75% of
 * its two loops. A step is one xorshift update of a 64-bit state, a dependent chain that the JIT can neither
 * vectorise nor fold away (a floating-point x = a x + b chain was optimised out by C2). Arguments: rounds n.
 * Prints one checksum line; exits with code 0.
 */
public final class TimeSplit {
    /** Line numbers the tests look for; keep them in step with the code below. */
    public static final int HEAVY_CALL_LINE = 29;
    public static final int LIGHT_CALL_LINE = 30;
    public static final int LOOP_A_FIRST = 55;
    public static final int LOOP_A_LAST = 57;
    public static final int LOOP_B_FIRST = 58;
    public static final int LOOP_B_LAST = 60;

    private TimeSplit() {}

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        long n = Long.parseLong(args[1]);
        long sum = 0;
        for (int r = 0; r < rounds; r++) {
            sum += heavy(n);
            sum += light(n);
            sum += twoLines(n);
        }
        System.out.println("checksum " + (sum != 0));
    }

    static long heavy(long n) {
        return spin(3 * n, 1);
    }

    static long light(long n) {
        return spin(n, 2);
    }

    static long spin(long n, long x) {
        for (long i = 0; i < n; i++) {
            x ^= x << 13; x ^= x >>> 7; x ^= x << 17;
        }
        return x;
    }

    @Profile
    static long twoLines(long n) {
        long x = 1;
        long y = 2;
        for (long i = 0; i < 3 * n; i++) {
            x ^= x << 13; x ^= x >>> 7; x ^= x << 17;
        }
        for (long i = 0; i < n; i++) {
            y ^= y << 13; y ^= y >>> 7; y ^= y << 17;
        }
        return x + y;
    }
}
