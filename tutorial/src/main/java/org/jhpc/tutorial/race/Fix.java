package org.jhpc.tutorial.race;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jhpc.core.UserError;

/**
 * How the shared counter of {@link CounterRace} is protected: not at all (the slides' {@code v.value += 1}), or by
 * one of the JDK's four fixes (the slides' {@code with lock:} and three more that Python does not have).
 */
public enum Fix {
    /** {@code count++} on a volatile field: every read and write reaches memory, but read, add, write is three steps. */
    NONE,
    /** A {@link java.util.concurrent.locks.ReentrantLock} around {@code count++}: the slides' {@code Lock()}. */
    LOCK,
    /** A {@code synchronized} block around {@code count++}: the lock every Java object carries. */
    SYNCHRONIZED,
    /** {@link java.util.concurrent.atomic.AtomicLong#incrementAndGet()}: one atomic read-modify-write instruction. */
    ATOMIC,
    /** {@link java.util.concurrent.atomic.LongAdder}: one cell per contending thread, added up when read. */
    ADDER;

    /** The lower-case name used on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The fix named {@code text} (case-insensitive), else a one-line {@link UserError} listing the choices. */
    public static Fix parse(String text) {
        for (Fix f : values()) {
            if (f.label().equalsIgnoreCase(text == null ? "" : text.strip())) return f;
        }
        throw new UserError("unknown fix '" + text + "'; choose one of " + choices());
    }

    /** "none, lock, synchronized, atomic, adder". */
    public static String choices() {
        return Arrays.stream(values()).map(Fix::label).collect(Collectors.joining(", "));
    }
}
