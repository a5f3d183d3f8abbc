package org.jhpc.core;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What SIGTERM (Slurm's time limit, {@code timeout}, {@code kill}), SIGINT (Ctrl-C), SIGHUP and SIGUSR1 (what
 * {@code sbatch --signal=USR1@60} sends ahead of the time limit; both MPI launchers forward it to every rank at once)
 * do to a jhpc run.
 *
 * <ul>
 *   <li>Outside a cooperative section: the JVM exits at once with status 128 + the signal's number (143, 130, 129,
 *       as shells expect) after printing the optional one-line message; shutdown hooks remove partial outputs
 *       ({@link AtomicFiles}).</li>
 *   <li>Inside one ({@link #cooperate()}, a time loop that can write a last checkpoint): the signal is only recorded;
 *       the loop polls {@link #caught()} between steps, stops cleanly and exits with {@link Caught#exitCode()}.
 *       The same signal again within a second (a process group and a launcher forwarding it both deliver it) is
 *       ignored; a later one, or no exit within {@link #GRACE_SECONDS}, exits at once. Under {@code mpirun}
 *       ({@link #ignoreRepeats}) every repeat is ignored: the resource manager signals each rank directly and the
 *       launcher forwards its own copy seconds later (Open MPI: {@code odls_base_sigkill_timeout} after), so a
 *       repeat is not a user insisting; only the watchdog ends a stop that does not finish.</li>
 * </ul>
 */
public final class Signals {
    private Signals() {}

    /** Seconds a cooperative section has, after the first signal, before the JVM exits anyway. */
    public static final int GRACE_SECONDS = 120;

    /** A signal that arrived: its name ({@code TERM}) and number (15). */
    public record Caught(String name, int number) {
        public int exitCode() {
            return 128 + number;
        }
    }

    private static volatile Caught caught;
    private static volatile long caughtNanos;
    private static final AtomicInteger COOPERATIVE = new AtomicInteger();
    private static volatile Supplier<String> message = () -> null;
    private static volatile PrintStream err = System.err;
    private static boolean installed;
    private static volatile boolean ignoreRepeats;
    private static volatile Caught stoppedCleanly;

    /** Installs the handlers (once per JVM; {@code Main} does it, in-process tests do not). */
    public static synchronized void install(PrintStream stderr) {
        err = stderr;
        if (installed) return;
        installed = true;
        for (String name : new String[] {"TERM", "INT", "HUP", "USR1"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), Signals::handle);
            } catch (IllegalArgumentException e) {
                // the signal is reserved here (-Xrs, or ignored by the parent): keep the JVM's behaviour
            }
        }
    }

    private static void handle(sun.misc.Signal s) {
        Caught c = new Caught(s.getName(), s.getNumber());
        long now = System.nanoTime();
        synchronized (Signals.class) {
            Caught first = caught;
            if (first == null) {
                caught = c;
                caughtNanos = now;
            } else if (first.equals(c) && now - caughtNanos < 1_000_000_000L
                    || ignoreRepeats && COOPERATIVE.get() > 0) {
                return;   // the same signal delivered twice (process group + launcher; under mpirun, any repeat)
            } else {
                exitNow(first);
            }
        }
        if (COOPERATIVE.get() == 0) {
            exitNow(c);
            return;
        }
        Thread.ofPlatform().daemon().name("jhpc-stop-watchdog").start(() -> {
            try {
                Thread.sleep(GRACE_SECONDS * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            exitNow(c);
        });
    }

    private static void exitNow(Caught c) {
        String line = message.get();
        if (line != null) {
            err.println(line.replace("%SIGNAL%", "SIG" + c.name()));
            err.flush();
        }
        Runtime.getRuntime().exit(c.exitCode());
    }

    /**
     * Sets the line printed when a signal stops the JVM at once ({@code %SIGNAL%} becomes e.g. {@code SIGTERM});
     * a supplier returning null prints nothing.
     */
    public static void onImmediateStop(Supplier<String> line) {
        message = line == null ? () -> null : line;
    }

    /** Whether signal handlers are installed (in a real jhpc process, not in-process tests). */
    public static synchronized boolean installed() {
        return installed;
    }

    /** The first signal caught, or null. */
    public static Caught caught() {
        return caught;
    }

    /** A section in which signals are only recorded ({@link #caught()}); close it when the loop ends. */
    public static Section cooperate() {
        COOPERATIVE.incrementAndGet();
        return COOPERATIVE::decrementAndGet;
    }

    /** A cooperative section; closing it makes signals immediate again. */
    public interface Section extends AutoCloseable {
        @Override
        void close();
    }

    /** Under {@code mpirun}: repeated signals during a cooperative section are ignored (see the class comment). */
    public static void ignoreRepeats(boolean on) {
        ignoreRepeats = on;
    }

    /** The signal of this number that jhpc handles (1 HUP, 2 INT, 10 USR1, 15 TERM), e.g. one the ranks agreed on. */
    public static Caught ofNumber(int number) {
        return new Caught(switch (number) {
            case 1 -> "HUP";
            case 2 -> "INT";
            case 10 -> "USR1";
            case 15 -> "TERM";
            default -> throw new IllegalArgumentException("not a signal jhpc handles: " + number);
        }, number);
    }

    /** Records that a cooperative section stopped cleanly on {@code c} (under MPI: the signal the ranks agreed on). */
    public static void stoppedCleanly(Caught c) {
        stoppedCleanly = c;
    }

    /** The signal a cooperative section stopped cleanly on, or null. */
    public static Caught stoppedCleanly() {
        return stoppedCleanly;
    }

    /** Forgets a caught signal (tests that run several commands in one JVM). */
    public static synchronized void reset() {
        caught = null;
        stoppedCleanly = null;
    }
}
