package org.jhpc.profiler.workloads;

/**
 * A computing phase and a sleeping phase, each round: {@link #compute} spins n xorshift steps, {@link #pause}
 * sleeps {@code ms} milliseconds. It measures both phases' wall time with System.nanoTime and prints
 * {@code compute_ns=C pause_ns=P}: the known answer for a wall-clock profile (CPU samples see no sleep at all).
 * Arguments: rounds n ms.
 */
public final class SleepPhase {
    private SleepPhase() {}

    public static void main(String[] args) throws InterruptedException {
        int rounds = Integer.parseInt(args[0]);
        long n = Long.parseLong(args[1]);
        long ms = Long.parseLong(args[2]);
        long c = 0;
        long p = 0;
        long sum = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            sum += compute(n);
            long t1 = System.nanoTime();
            pause(ms);
            long t2 = System.nanoTime();
            c += t1 - t0;
            p += t2 - t1;
        }
        System.out.println("compute_ns=" + c + " pause_ns=" + p + (sum == 0 ? " zero" : ""));
    }

    static long compute(long n) {
        return TimeSplit.spin(n, 13);
    }

    static void pause(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }
}
