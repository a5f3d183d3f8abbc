package org.jhpc.core;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A reusable barrier for a fixed team of threads that meet thousands of times a second: arrivals count on one
 * atomic, waiters spin on a generation number for up to 0.1 ms, then yield for up to 2 ms (so a team that shares
 * cores with other work gives them way), then park with a growing sleep (so idle teams cost little CPU). {@link java.util.concurrent.CyclicBarrier} takes a lock and wakes threads through the OS, which costs
 * tens of microseconds per meeting; this costs well under one when the team has its own cores.
 */
public final class SpinBarrier {
    private static final int SPINS = 1_000;                 // before the clock is read at all
    private static final long SPIN_NANOS = 100_000;         // then spin up to 0.1 ms
    private static final long YIELD_NANOS = 2_000_000;      // then yield up to 2 ms, then park

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;

    public SpinBarrier(int parties) {
        if (parties < 1) throw new IllegalArgumentException("parties must be >= 1");
        this.parties = parties;
    }

    /** Waits until all parties have called await for this generation. */
    public void await() {
        int g = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            generation = g + 1;
            return;
        }
        long start = System.nanoTime();
        long sleep = 10_000;
        int spins = 0;
        while (generation == g) {
            if (++spins < SPINS) {
                Thread.onSpinWait();
                continue;
            }
            long waited = System.nanoTime() - start;
            if (waited < SPIN_NANOS) {
                Thread.onSpinWait();
            } else if (waited < YIELD_NANOS) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(sleep);
                sleep = Math.min(sleep * 2, 1_000_000);
            }
        }
    }
}
