package org.jhpc.profiler;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;
import jdk.jfr.Configuration;
import jdk.jfr.consumer.RecordingStream;
import org.jhpc.core.AtomicFiles;
import org.jhpc.core.Config;
import org.jhpc.core.UserError;

/**
 * An application command profiled in the profiler's own JVM: no second JVM to start, and the recording is read
 * while the command runs. A {@link RecordingStream} with the same settings as a child's recording hands each event,
 * as JFR flushes it (about once a second), to a {@link JfrReader} on the stream's own thread; when the command
 * returns, the stream is stopped (which waits for the last events) and the reader's {@link Recording} is complete:
 * nothing is written or parsed afterwards. The command is called through {@link #target}, below which every stack
 * is cut, so the report shows the command's frames only, as a child's would.
 *
 * <p>Used when the JVM was started as the child would have been: {@code -XX:+DebugNonSafepoints} and JFR's stack
 * depth equal to {@code --stack-depth} (both JVM start-up flags; the {@code ./jhpc} launcher gives them to
 * {@code jhpc profile}), and when nothing needs the target in a process of its own: no {@code --exact} (class
 * rewriting from the start), no {@code --duration}. {@code -Djhpc.profile.jvm=child} (or
 * {@code JHPC_PROFILE_JVM=child}) always uses a child. The agent's heap and wall samplers are started here
 * (the agent jar is on the application's classpath); the heap total is then the samples' estimate (this JVM
 * allocated before the command started). SIGINT and SIGTERM stop the run: the report of what ran is made and the
 * JVM exits with 130 or 143.
 */
public final class InProcess {
    /** The method through which the command runs: stacks are cut below it. */
    static final String ENTRY = InProcess.class.getName() + ".target";

    private InProcess() {}


    /** Whether this run can be made in this JVM (see the class comment). */
    public static boolean usable(ProfileOptions o, Target t, ProfilerConfig config) {
        if (t.appArgs() == null || config.appRunner() == null || o.exact() || o.duration() != null) return false;
        String how = Config.PROFILE_JVM.value().toLowerCase(java.util.Locale.ROOT);
        if (how.equals("child")) return false;
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return args.contains("-XX:+DebugNonSafepoints") && jfrStackDepth(args) == o.stackDepth();
    }

    /** JFR's stack depth as this JVM's flags set it (JFR's default, 64, when they do not). */
    static int jfrStackDepth(List<String> jvmArgs) {
        int depth = 64;
        for (String a : jvmArgs) {
            String prefix = "-XX:FlightRecorderOptions";
            if (!a.startsWith(prefix) || a.length() <= prefix.length()) continue;
            for (String kv : a.substring(prefix.length() + 1).split(",")) {
                if (kv.startsWith("stackdepth=")) {
                    try {
                        depth = Integer.parseInt(kv.substring("stackdepth=".length()));
                    } catch (NumberFormatException e) {
                        // the JVM would not have started with it
                    }
                }
            }
        }
        return depth;
    }

    /**
     * Runs the command under the recording and hands the run to {@code finish} (which reports and returns the exit
     * code); returns that code. On SIGINT or SIGTERM the run so far is finished the same way and the JVM exits.
     */
    public static int run(ProfileOptions o, Target t, ProfilerConfig config, ToIntFunction<Profiler.Run> finish) {
        AtomicFiles.requireWritable(o.json());
        AtomicFiles.requireWritable(o.jfr());
        AtomicFiles.requireWritable(o.collapsed());
        AtomicFiles.requireWritable(o.out());
        ClassIndex classes = new ClassIndex(t.classpath());
        boolean wall = o.samples() == SampleKind.WALL;
        boolean agent = config.agentJar() != null || wall;
        String jfc = JfrSettings.jfc(o.periodMillis(), !wall && o.recordsCpu(), !wall && o.recordsExecution(),
                !(agent && o.heapInterval() > 0) && o.allocationRate() > 0, o.allocationRate());
        RecordingStream rs;
        try {
            rs = new RecordingStream(Configuration.create(new StringReader(jfc)));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("the profiler's own JFR settings did not parse", e);
        }
        JfrReader reader = JfrReader.live(o.stackDepth(), ENTRY, Thread.currentThread().getName());
        rs.onEvent(reader::accept);
        rs.startAsync();
        // after JFR has started: a heap sample taken while JFR registers its events on another thread would wait
        // for the sample event's class, whose initialisation waits for JFR (a deadlock seen when both ran at once)
        Runnable stopSamplers;
        try {
            stopSamplers = agent ? startSamplers(o, wall) : () -> { };
        } catch (RuntimeException e) {
            rs.close();
            throw e;
        }
        AtomicBoolean done = new AtomicBoolean();
        Object lock = new Object();
        java.util.function.BiFunction<String, Integer, Integer> end = (stoppedBy, exitCode) -> {
            synchronized (lock) {
                if (!done.compareAndSet(false, true)) return -1;
                stopSamplers.run();
                rs.stop();
                Profiler.Run r = run(o, t, config, reader, rs, classes, stoppedBy, exitCode);
                rs.close();
                return finish.applyAsInt(r);
            }
        };
        List<Runnable> restore = new java.util.ArrayList<>();
        for (String sig : List.of("INT", "TERM")) {
            try {
                sun.misc.Signal signal = new sun.misc.Signal(sig);
                sun.misc.SignalHandler old = sun.misc.Signal.handle(signal, s -> {
                    System.out.flush();
                    int code = end.apply("SIG" + sig, sig.equals("INT") ? 130 : 143);
                    if (code >= 0) System.exit(code);
                });
                restore.add(() -> sun.misc.Signal.handle(signal, old));
            } catch (IllegalArgumentException e) {
                // the signal is reserved here: the JVM's own behaviour stays
            }
        }
        int code = target(config.appRunner(), t.appArgs());
        System.out.flush();
        int result = end.apply(null, code);
        if (result >= 0) restore.forEach(Runnable::run);
        if (result < 0) {   // a signal's handler is finishing the run, and will exit
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    // keep waiting for the exit
                }
            }
        }
        return result;
    }

    private static Profiler.Run run(ProfileOptions o, Target t, ProfilerConfig config, JfrReader reader,
                                    RecordingStream rs, ClassIndex classes, String stoppedBy, int exitCode) {
        if (o.jfr() != null) {
            try {
                Path tmp = Files.createTempFile("jhpc-profile", ".jfr");
                try {
                    rs.dump(tmp);
                    AtomicFiles.write(o.jfr(), (OutputStream out) -> Files.copy(tmp, out));
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                throw new UserError("profiler I/O failed: " + AtomicFiles.describe(e), e);
            }
        }
        return Profiler.analyse(o, config, exitCode, stoppedBy, t, reader.recording(), ExactCounts.NONE, classes, null);
    }

    /** The command itself; every stack is cut below this frame. */
    static int target(ProfilerConfig.AppRunner runner, List<String> words) {
        return runner.run(words);
    }

    /** The agent's samplers, reached by name (the agent jar is on the application's classpath, or not at all). */
    private static Runnable startSamplers(ProfileOptions o, boolean wall) {
        try {
            Class<?> c = Class.forName("org.jhpc.profiler.agent.ExactAgent");
            Object stop = c.getMethod("startInProcess", long.class, long.class, int.class).invoke(null,
                    o.heapInterval(), wall ? Math.max(100_000L, Math.round(o.periodMillis() * 1e6)) : 0L,
                    o.stackDepth());
            return (Runnable) stop;
        } catch (ReflectiveOperationException | LinkageError e) {
            if (wall) throw new UserError("--mode wall needs the profiler agent's classes, which were not found", e);
            return () -> { };
        }
    }
}
