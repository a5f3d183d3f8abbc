package org.jhpc.profiler.workloads;

import java.util.ArrayList;
import java.util.List;

/**
 * A 2:1 split over a pool of 8 threads that run at once: threads 0, 2, 4, 6 call {@link #heavy} (2n xorshift steps
 * per round), threads 1, 3, 5, 7 {@link #light} (n steps). So heavy has two thirds of the CPU time, however the
 * threads are scheduled; the light ones finish first, and the heavy ones then run alone. Arguments: rounds n.
 */
public final class PoolSplit {
    public static final int THREADS = 8;

    private PoolSplit() {}

    public static void main(String[] args) throws InterruptedException {
        int rounds = Integer.parseInt(args[0]);
        long n = Long.parseLong(args[1]);
        long[] sums = new long[THREADS];
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            ts.add(Thread.ofPlatform().name("pool-" + t).start(() -> {
                long s = 0;
                for (int r = 0; r < rounds; r++) s += id % 2 == 0 ? heavy(n) : light(n);
                sums[id] = s;
            }));
        }
        for (Thread t : ts) t.join();
        long all = 0;
        for (long s : sums) all += s;
        System.out.println("checksum " + (all != 0));
    }

    static long heavy(long n) {
        return TimeSplit.spin(2 * n, 7);
    }

    static long light(long n) {
        return TimeSplit.spin(n, 11);
    }
}
