package org.jhpc.tutorial.race;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One counter that many threads increment: the slides' {@code Value('i', 0)}. Each {@link Fix} is one small class
 * here, so the five can be read side by side.
 */
public sealed interface SharedCounter {
    /** Adds one. Safe to call from many threads at once, except for {@link Racy}. */
    void increment();

    /** The count so far (read after the incrementing threads have been joined). */
    long get();

    /** A new counter at zero, protected by {@code fix}. */
    static SharedCounter create(Fix fix) {
        return switch (fix) {
            case NONE -> new Racy();
            case LOCK -> new Locked();
            case SYNCHRONIZED -> new Synchronized();
            case ATOMIC -> new Atomic();
            case ADDER -> new Adder();
        };
    }

    /**
     * No fix. {@code count++} reads the field, adds one and writes it back: when two threads read the same value,
     * both write value + 1 and one increment is lost. {@code volatile} only makes each read and write go to memory
     * (so the JIT cannot keep the count in a register and the race is seen); it does not make the three steps one.
     */
    final class Racy implements SharedCounter {
        private volatile long count;

        @Override
        @SuppressWarnings("NonAtomicOperationOnVolatileField")   // the point of this class
        public void increment() {
            count++;
        }

        @Override
        public long get() {
            return count;
        }
    }

    /** The slides' fix: {@code with lock: v.value += 1}, with a {@link ReentrantLock}. */
    final class Locked implements SharedCounter {
        private final ReentrantLock lock = new ReentrantLock();
        private long count;

        @Override
        public void increment() {
            lock.lock();
            try {
                count++;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public long get() {
            lock.lock();
            try {
                return count;
            } finally {
                lock.unlock();
            }
        }
    }

    /** Java's built-in lock: only one thread at a time runs a block synchronized on the same object. */
    final class Synchronized implements SharedCounter {
        private long count;

        @Override
        public synchronized void increment() {
            count++;
        }

        @Override
        public synchronized long get() {
            return count;
        }
    }

    /** No lock: the processor's atomic add ({@code lock xadd} on x86) does read, add and write as one step. */
    final class Atomic implements SharedCounter {
        private final AtomicLong count = new AtomicLong();

        @Override
        public void increment() {
            count.incrementAndGet();
        }

        @Override
        public long get() {
            return count.get();
        }
    }

    /**
     * Contention spread out: threads that collide are given cells of their own, and {@link #get()} adds the cells.
     * Fastest when many threads write and few read.
     */
    final class Adder implements SharedCounter {
        private final LongAdder count = new LongAdder();

        @Override
        public void increment() {
            count.increment();
        }

        @Override
        public long get() {
            return count.sum();
        }
    }
}
