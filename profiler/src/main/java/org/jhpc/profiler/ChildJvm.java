package org.jhpc.profiler;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jhpc.core.UserError;

/**
 * Starts the target in a child JVM (the same java as this one) with a JFR recording and
 * {@code -XX:+DebugNonSafepoints} (without it, samples are taken only at safepoints and line, even method,
 * attribution is wrong), optionally with the agent; the child's stdin, stdout and stderr are the profiler's own
 * unless redirected.
 *
 * <p>Stopping: SIGINT or SIGTERM to this JVM (Ctrl-C in a terminal, {@code kill}, a batch system, the launcher
 * passing a signal on), or the deadline, stops the child with SIGTERM, whatever stdout and stderr are: the child's
 * JFR writes its recording at its exit, and this JVM, having caught the signal, still reports; the outcome says
 * which signal stopped it (exit 130 or 143). A second signal, or a child still running 10 s after the first, kills
 * the child outright (no recording then); a second signal within 2 s of the first counts as the same one.
 */
public final class ChildJvm {
    private static final long GRACE_SECONDS = 10;
    private static final long DUPLICATE_MILLIS = 2000;
    private static volatile long firstSignal;

    private ChildJvm() {}

    /** How the child ended: its exit code and, when the profiler stopped it, why ("SIGINT", "SIGTERM", "deadline"). */
    public record Outcome(int exitCode, String stoppedBy) {
        /** The profiler's exit code: 128 + the signal when a signal stopped it, else the child's. */
        public int profilerExitCode() {
            return switch (stoppedBy == null ? "" : stoppedBy) {
                case "SIGINT" -> 130;
                case "SIGTERM" -> 143;
                default -> exitCode;
            };
        }
    }

    /** The child's command line. */
    public static List<String> command(Target target, Path jfc, Path jfr, int stackDepth, List<String> agent) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UnlockDiagnosticVMOptions");
        cmd.add("-XX:+DebugNonSafepoints");
        cmd.add("-Xlog:jfr+startup=error");   // keep JFR's "Started recording" banner out of the target's output
        cmd.add("-XX:FlightRecorderOptions:stackdepth=" + stackDepth);
        cmd.add("-XX:StartFlightRecording:dumponexit=true,filename=" + jfr + ",settings=" + jfc);
        cmd.addAll(agent);
        cmd.addAll(target.javaArgs());
        return cmd;
    }

    /** Runs the command and waits for it (at most {@code deadline}, when not null). */
    public static Outcome run(List<String> command, Redirect stdout, Redirect stderr, Duration deadline) {
        // not a terminal: the child's stderr goes through a filter that drops the JDK's notice of the incubating Vector
        // API, as the launcher does for the profiler itself (a bad argument to the target stays one line)
        boolean filter = stderr == Redirect.INHERIT && !org.jhpc.core.Config.STDERR_TTY.isOn();
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(Redirect.INHERIT)
                .redirectOutput(stdout).redirectError(filter ? Redirect.PIPE : stderr);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UserError("cannot start " + command.getFirst() + ": " + e.getMessage(), e);
        }
        Thread copier = filter ? StderrFilter.start(p.getErrorStream(), System.err) : null;
        AtomicReference<String> stoppedBy = new AtomicReference<>();
        List<Restore> restore = new ArrayList<>();
        for (String sig : List.of("INT", "TERM")) {
            Restore r = handle(sig, () -> stop(p, "SIG" + sig, stoppedBy));
            if (r != null) restore.add(r);
        }
        try {
            boolean ended = deadline == null ? waitFor(p, 0) : waitFor(p, deadline.toMillis());
            if (!ended) {
                stop(p, "deadline", stoppedBy);
                waitFor(p, 0);
            }
            if (copier != null) StderrFilter.join(copier);
            return new Outcome(p.exitValue(), stoppedBy.get());
        } finally {
            for (Restore r : restore) r.run();
        }
    }

    private static boolean waitFor(Process p, long millis) {
        while (true) {
            try {
                if (millis <= 0) {
                    p.waitFor();
                    return true;
                }
                return p.waitFor(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // keep waiting: the child is being stopped and its recording is still to come
            }
        }
    }

    /**
     * SIGTERM to the child (its JFR dumps the recording at exit); on a second signal, or after the grace, kill it.
     * A second signal within {@link #DUPLICATE_MILLIS} of the first is the same Ctrl-C delivered twice (to the
     * process group and passed on by a launcher) and is ignored.
     */
    private static void stop(Process p, String why, AtomicReference<String> stoppedBy) {
        long now = System.nanoTime();
        if (!stoppedBy.compareAndSet(null, why)) {
            if (now - firstSignal < DUPLICATE_MILLIS * 1_000_000L) return;
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return;
        }
        firstSignal = now;
        p.destroy();
        Thread.ofPlatform().daemon().name("jhpc-profile-grace").start(() -> {
            try {
                if (!p.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private interface Restore extends Runnable {}

    /** Installs a handler; returns how to put the old one back, or null where the signal cannot be handled. */
    private static Restore handle(String name, Runnable action) {
        try {
            sun.misc.Signal sig = new sun.misc.Signal(name);
            sun.misc.SignalHandler old = sun.misc.Signal.handle(sig, s -> action.run());
            return () -> sun.misc.Signal.handle(sig, old);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return null;
        }
    }
}
