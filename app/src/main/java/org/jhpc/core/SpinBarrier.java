package org.jhpc.core;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A reusable barrier for a fixed team of threads that meet thousands of times a second: arrivals count on one
 * atomic, waiters spin on a generation number, then yield, then park with a growing sleep (so idle teams cost
 * little CPU). {@link java.util.concurrent.CyclicBarrier} takes a lock and wakes threads through the OS, which costs
 * tens of microseconds per meeting; this costs well under one when the team has its own cores.
 */
public final class SpinBarrier {
    private static final int SPINS = 20_000;
    private static final int YIELDS = 200;

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;

    public SpinBarrier(int parties) {
        if (parties < 1) throw new IllegalArgumentException("parties must be >= 1");
        this.parties = parties;
    }

    public int parties() {
        return parties;
    }

    /** Waits until all parties have called await for this generation. */
    public void await() {
        int g = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            generation = g + 1;
            return;
        }
        int spins = 0;
        long sleep = 1_000;
        while (generation == g) {
            if (spins < SPINS) {
                spins++;
                Thread.onSpinWait();
            } else if (spins < SPINS + YIELDS) {
                spins++;
                Thread.yield();
            } else {
                LockSupport.parkNanos(sleep);
                sleep = Math.min(sleep * 2, 1_000_000);
            }
        }
    }
}
