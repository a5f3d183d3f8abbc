package org.jhpc.profiler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jhpc.core.AtomicFiles;
import org.jhpc.core.UserError;

/**
 * {@code --pid PID}: profiles a JVM that is already running, through the JDK's {@code jcmd}: {@code JFR.start}
 * with the profiler's settings, a wait (the duration, or until SIGINT/SIGTERM), {@code JFR.dump} to a temporary
 * file, {@code JFR.stop}. The target keeps running. Its classpath, for line ranges and {@code @Profile}, comes
 * from {@code VM.system_properties}. Without the agent there is no heap sampler (JFR's allocation samples are
 * used) and no wall-clock mode; the stack depth is the target's own (set when it started).
 */
public final class Attach {
    private static final long JCMD_SECONDS = 60;

    private Attach() {}

    /** The recording of {@code duration} of the JVM {@code pid}, and that JVM's classpath. */
    public record Result(Recording recording, List<Path> classpath, boolean interrupted) {}

    public static Result record(long pid, Duration duration, ProfileOptions o, Path tmp) throws IOException {
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            throw new UserError("--pid " + pid + ": no such process");
        }
        Path jfc = JfrSettings.write(tmp, JfrSettings.jfc(o.periodMillis(), o.recordsCpu(), o.recordsExecution(),
                o.allocationRate() > 0, o.allocationRate()));
        Path jfr = tmp.resolve("attached.jfr");
        String name = "jhpc-profile-" + ProcessHandle.current().pid();
        jcmd(pid, tmp, "JFR.start", "name=" + name, "settings=" + jfc);
        AtomicBoolean interrupted = new AtomicBoolean();
        try {
            waitOrSignal(duration, interrupted);
            jcmd(pid, tmp, "JFR.dump", "name=" + name, "filename=" + jfr);
        } finally {
            try {
                jcmd(pid, tmp, "JFR.stop", "name=" + name);
            } catch (UserError e) {
                // the target may have ended meanwhile: nothing to stop
            }
        }
        if (!Files.isRegularFile(jfr)) throw new UserError("--pid " + pid + ": the JVM wrote no recording");
        return new Result(JfrReader.read(jfr, o.stackDepth()), classpath(pid, tmp), interrupted.get());
    }

    private static void waitOrSignal(Duration d, AtomicBoolean interrupted) {
        Thread waiter = Thread.currentThread();
        List<Runnable> restore = new ArrayList<>();
        for (String s : List.of("INT", "TERM")) {
            try {
                sun.misc.Signal sig = new sun.misc.Signal(s);
                sun.misc.SignalHandler old = sun.misc.Signal.handle(sig, x -> {
                    interrupted.set(true);
                    waiter.interrupt();
                });
                restore.add(() -> sun.misc.Signal.handle(sig, old));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // this signal cannot be caught here
            }
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            // stopped early by a signal: record what there is
        } finally {
            restore.forEach(Runnable::run);
        }
    }

    private static List<Path> classpath(long pid, Path tmp) {
        List<Path> out = new ArrayList<>();
        String props;
        try {
            props = jcmd(pid, tmp, "VM.system_properties");
        } catch (UserError e) {
            return out;
        }
        for (String line : props.split("\n")) {
            if (!line.startsWith("java.class.path=")) continue;
            String cp = line.substring("java.class.path=".length()).replace("\\:", ":").replace("\\\\", "\\");
            for (String e : cp.split(java.io.File.pathSeparator)) {
                if (!e.isEmpty()) out.add(Path.of(e));
            }
        }
        return out;
    }

    /** Runs {@code jcmd pid args...} with a deadline; returns its output, or a one-line error. */
    static String jcmd(long pid, Path tmp, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(Long.toString(pid));
        cmd.addAll(List.of(args));
        Path log = tmp.resolve("jcmd.out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(JCMD_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UserError("--pid " + pid + ": jcmd " + args[0] + " did not answer within " + JCMD_SECONDS + " s");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 || out.contains("Exception") || out.contains("Could not")) {
                String first = out.lines().filter(l -> !l.isBlank() && !l.matches("\\d+:")).findFirst().orElse("");
                throw new UserError("--pid " + pid + ": jcmd " + args[0] + " failed: " + first.strip());
            }
            return out;
        } catch (IOException e) {
            throw new UserError("--pid " + pid + ": cannot run jcmd: " + AtomicFiles.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("--pid " + pid + ": interrupted while jcmd ran", e);
        }
    }
}
