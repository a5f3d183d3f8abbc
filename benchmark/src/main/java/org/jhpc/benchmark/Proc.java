package org.jhpc.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one child process with a deadline that really fires: output is drained on its own threads while the
 * harness waits, and a child that outlives the deadline is killed together with every descendant (an mpirun job,
 * the JVM behind the {@code ./jhpc} script). Wall time is measured from just before the start to the exit.
 */
public final class Proc {
    private Proc() {}

    /**
     * What a child did.
     *
     * @param exit     exit code (-1 when killed at the deadline, -2 when it could not be started)
     * @param out      standard output
     * @param err      standard error
     * @param seconds  wall time of the whole process
     * @param timedOut killed at the deadline
     */
    public record Outcome(int exit, String out, String err, double seconds, boolean timedOut) {
        public boolean ok() {
            return exit == 0 && !timedOut;
        }

        /** A one-line reason for a failed run. */
        public String failure() {
            if (timedOut) return String.format(java.util.Locale.ROOT, "killed after %.0f s (deadline)", seconds);
            if (exit == -2) return "could not start: " + err.strip();
            String tail = err.isBlank() ? out : err;
            String[] lines = tail.strip().split("\\R");
            return "exit " + exit + (lines.length == 0 || lines[lines.length - 1].isBlank() ? "" : ": " + lines[lines.length - 1]);
        }
    }

    /** Runs {@code inv} in {@code dir} (null: the current directory) and waits at most {@code deadline}. */
    public static Outcome run(Invocation inv, Path dir, Duration deadline) {
        ProcessBuilder pb = new ProcessBuilder(inv.argv());
        if (dir != null) pb.directory(dir.toFile());
        pb.environment().putAll(inv.env());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        long t0 = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Outcome(-2, "", String.valueOf(e.getMessage()), 0, false);
        }
        Drain out = new Drain(p.getInputStream());
        Drain err = new Drain(p.getErrorStream());
        boolean ended;
        try {
            ended = p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        if (!ended) {
            killTree(p.toHandle());
            return new Outcome(-1, out.finish(), err.finish(), seconds, true);
        }
        return new Outcome(p.exitValue(), out.finish(), err.finish(), seconds, false);
    }

    /** Kills the descendants first (so that none is re-parented and left running), then the process. */
    static void killTree(ProcessHandle h) {
        List<ProcessHandle> all = new ArrayList<>(h.descendants().toList());
        all.forEach(ProcessHandle::destroyForcibly);
        h.destroyForcibly();
        for (ProcessHandle d : all) d.onExit().completeOnTimeout(d, 5, TimeUnit.SECONDS).join();
        h.onExit().completeOnTimeout(h, 5, TimeUnit.SECONDS).join();
    }

    private static final class Drain {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in) {
            thread = Thread.ofPlatform().daemon().name("bench-drain").start(() -> {
                byte[] b = new byte[8192];
                try (in) {
                    for (int n; (n = in.read(b)) > 0; ) {
                        synchronized (buf) {
                            buf.write(b, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // pipe closed: keep what was read
                }
            });
        }

        String finish() {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (buf) {
                return buf.toString(StandardCharsets.UTF_8);
            }
        }
    }

    /** Runs a short query command (a version, lscpu) and returns its stdout and stderr, or "" when it failed. */
    public static String query(Duration deadline, String... argv) {
        Outcome o = run(Invocation.of(List.of(argv)), null, deadline);
        return o.ok() ? (o.out() + o.err()) : "";
    }

    /** The first line of {@link #query}, stripped, or "" . */
    public static String firstLine(String... argv) {
        String s = query(Duration.ofSeconds(30), argv).strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).strip();
    }
}
