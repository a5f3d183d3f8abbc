package org.jhpc.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/**
 * The training run behind jhpc's AOT cache (JDK 25, JEPs 483/514/515): {@code scripts/aot-train} runs this class
 * once with {@code -XX:AOTCacheOutput}, and the JVM stores every class it loaded and linked, and the method profiles
 * it gathered, so that later {@code jhpc} processes start with them. It runs, in one JVM, the commands a user
 * starts with: every {@code --help}, the slides' default diff2d case (which trains the kernels' profiles so that
 * C2 compiles them early), auc on 3e7 points, a profiled auc (JFR's and the profiler's classes; in the profiler's
 * own JVM, as the launcher's training run has the profile flags), and one bad input (the error path). Output goes
 * nowhere; the exit
 * code is 0 unless a command that must succeed fails (then the cache is not worth keeping).
 */
public final class AotTraining {
    private AotTraining() {}

    /** The command lines of the training run, each with the exit code it must give. */
    static final List<Run> RUNS = List.of(
            new Run(0, "--help"), new Run(0, "--version"),
            new Run(0, "diff2d", "--help"), new Run(0, "auc", "--help"), new Run(0, "expr", "--help"),
            new Run(0, "mpi", "--help"), new Run(0, "profile", "--help"),
            new Run(0, "diff2d", "--timing"), new Run(0, "diff2d"),
            new Run(0, "auc", "30000000", "--timing"), new Run(0, "auc"),
            new Run(0, "expr", "2*3+1"),
            new Run(0, "profile", "--", "auc", "--variant", "loops", "20000000"),
            new Run(2, "diff2d", "--set", "D=0"));

    /** One command line and the exit code it must give. */
    record Run(int expectedCode, String... args) {}

    public static void main(String[] args) {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        for (Run r : RUNS) {
            if (r.args()[0].equals("diff2d")) org.jhpc.diffusion.Warmup.start();
            int code = Main.execute(sink, sink, r.args());
            if (code != r.expectedCode()) {
                System.err.println("jhpc aot-train: error: 'jhpc " + String.join(" ", r.args()) + "' gave exit code "
                        + code + ", expected " + r.expectedCode());
                System.exit(1);
            }
        }
        System.exit(0);
    }
}
