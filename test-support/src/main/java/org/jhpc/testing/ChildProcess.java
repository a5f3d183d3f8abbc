package org.jhpc.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process for a test (an mpirun job, a launcher run, a peer program, a profiled JVM) with a deadline
 * that really fires: stdout and stderr are drained on their own threads while the test thread waits, and a child
 * that outlives its deadline is killed with its whole process tree, failing the test with the output it had
 * written so far. (Reading a child's output to the end before waiting, as {@code readAllBytes()} then
 * {@code waitFor(timeout)} does, waits forever on a child that hangs.)
 *
 * <pre>{@code
 * ChildProcess.Result r = ChildProcess.of("mpirun", "-np", "2", "hostname").timeout(60).run();
 * assertEquals(0, r.exit(), r.all());
 * }</pre>
 */
public final class ChildProcess {
    /**
     * What the child did.
     *
     * @param exit    its exit code
     * @param out     its standard output (with standard error too when {@link #mergeStderr()} was asked)
     * @param err     its standard error ("" when merged)
     * @param seconds wall time from start to exit
     */
    public record Result(int exit, String out, String err, double seconds) {
        /** stdout then stderr, for assertion messages. */
        public String all() {
            return err.isEmpty() ? out : out + (out.endsWith("\n") || out.isEmpty() ? "" : "\n") + err;
        }

        /** stderr's lines (none when empty). */
        public List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }
    }

    private final List<String> command;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path dir;
    private byte[] stdin;
    private boolean merge;
    private long timeoutSeconds = 120;

    private ChildProcess(List<String> command) {
        this.command = List.copyOf(command);
    }

    public static ChildProcess of(List<String> command) {
        return new ChildProcess(command);
    }

    public static ChildProcess of(String... command) {
        return new ChildProcess(List.of(command));
    }

    /** Sets a variable in the child's environment; a null value removes it. */
    public ChildProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public ChildProcess env(Map<String, String> vars) {
        env.putAll(vars);
        return this;
    }

    public ChildProcess dir(Path directory) {
        this.dir = directory;
        return this;
    }

    /** What the child reads on stdin (by default: nothing, stdin is closed at once). */
    public ChildProcess stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** stderr goes into {@link Result#out()} too, in the order the child wrote. */
    public ChildProcess mergeStderr() {
        this.merge = true;
        return this;
    }

    public ChildProcess timeout(long seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    public ChildProcess timeout(Duration d) {
        return timeout(Math.max(1, d.toSeconds()));
    }

    /** Starts the child, waits for it until the deadline, and kills it and fails if it does not end by then. */
    public Result run() {
        ProcessBuilder pb = builder(merge);
        long t0 = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        Drain out = new Drain(p.getInputStream(), "stdout");
        Drain err = merge ? null : new Drain(p.getErrorStream(), "stderr");
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin);
        } catch (IOException e) {
            // the child closed its stdin early: what it did is in its output
        }
        boolean ended;
        try {
            ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        if (!ended) {
            killTree(p.toHandle());
            String so = out.finish(), se = err == null ? "" : err.finish();
            throw new AssertionError(String.join(" ", command) + ": did not end within " + timeoutSeconds
                    + " s (killed with its process tree); output so far:\n" + so + (se.isEmpty() ? "" : "\nstderr:\n" + se));
        }
        return new Result(p.exitValue(), out.finish(), err == null ? "" : err.finish(), seconds);
    }

    /**
     * A child that runs beside the test (a server, such as Xvfb) until the test closes it; closing kills its
     * process tree. Use in try-with-resources, so that no path out of the test leaves it running.
     */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final Drain out;

        private Running(Process process) {
            this.process = process;
            this.out = new Drain(process.getInputStream(), "stdout");
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** Kills it with its tree (if still running) and returns what it wrote (stdout and stderr). */
        public String stop() {
            killTree(process.toHandle());
            return out.finish();
        }

        @Override
        public void close() {
            stop();
        }
    }

    /** Starts the child in the background (stdout and stderr merged and kept); see {@link Running}. */
    public Running start() {
        try {
            Process p = builder(true).start();
            p.getOutputStream().close();
            return new Running(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private ProcessBuilder builder(boolean mergeStderr) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(mergeStderr);
        if (dir != null) pb.directory(dir.toFile());
        env.forEach((k, v) -> {
            if (v == null) pb.environment().remove(k);
            else pb.environment().put(k, v);
        });
        return pb;
    }

    /** Kills the descendants first (so none is re-parented and left running), then the process itself. */
    public static void killTree(ProcessHandle h) {
        List<ProcessHandle> all = new ArrayList<>(h.descendants().toList());
        all.forEach(ProcessHandle::destroyForcibly);
        h.destroyForcibly();
        for (ProcessHandle d : all) d.onExit().completeOnTimeout(d, 5, TimeUnit.SECONDS).join();
        h.onExit().completeOnTimeout(h, 5, TimeUnit.SECONDS).join();
    }

    /**
     * The command line that starts {@code mainClass} in a child JVM like this one: the same JDK, this JVM's
     * classpath, and the flags every jhpc JVM gets (the Vector API module, native access for FFM).
     */
    public static List<String> java(List<String> jvmArgs, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules=jdk.incubator.vector");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Copies a stream into memory on a daemon thread, so that the child never blocks on a full pipe. */
    private static final class Drain {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in, String name) {
            thread = Thread.ofPlatform().daemon().name("child-" + name).start(() -> {
                byte[] b = new byte[8192];
                try (in) {
                    for (int n; (n = in.read(b)) > 0; ) {
                        synchronized (buf) {
                            buf.write(b, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the pipe closed: what was read is kept
                }
            });
        }

        /** What was read, after waiting briefly for the pipe to close (a killed child's grandchildren may hold it). */
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
}
