package org.jhpc.profiler;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jhpc.core.UserError;

/**
 * Starts the target in a child JVM (the same java as this one) with a JFR recording and
 * {@code -XX:+DebugNonSafepoints} (without it, samples are taken only at safepoints and line, even method,
 * attribution is wrong), optionally with the exact-count agent; the child's stdin, stdout and stderr are the
 * profiler's own unless redirected, and its exit code is returned. While it runs, this JVM ignores SIGINT, so that
 * Ctrl-C stops the target and the profile of what ran is still reported.
 */
public final class ChildJvm {
    private ChildJvm() {}

    /** The child's command line. */
    public static List<String> command(Target target, Path jfc, Path jfr, List<String> agent) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UnlockDiagnosticVMOptions");
        cmd.add("-XX:+DebugNonSafepoints");
        cmd.add("-Xlog:jfr+startup=error");   // keep JFR's "Started recording" banner out of the target's output
        cmd.add("-XX:FlightRecorderOptions:stackdepth=256");
        cmd.add("-XX:StartFlightRecording:dumponexit=true,filename=" + jfr + ",settings=" + jfc);
        cmd.addAll(agent);
        cmd.addAll(target.javaArgs());
        return cmd;
    }

    /** Runs the command and waits for it; returns the child's exit code. */
    public static int run(List<String> command, Redirect stdout, Redirect stderr) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(Redirect.INHERIT)
                .redirectOutput(stdout).redirectError(stderr);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UserError("cannot start " + command.getFirst() + ": " + e.getMessage(), e);
        }
        // Ctrl-C reaches the child too (same process group): it stops, JFR writes the recording at its exit, and
        // this JVM, ignoring the signal meanwhile, still prints the reports.
        sun.misc.SignalHandler old = ignoreInterrupt();
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while the target ran", e);
        } finally {
            if (old != null) sun.misc.Signal.handle(new sun.misc.Signal("INT"), old);
        }
    }

    private static sun.misc.SignalHandler ignoreInterrupt() {
        try {
            return sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return null;   // no SIGINT here: nothing to ignore
        }
    }
}
