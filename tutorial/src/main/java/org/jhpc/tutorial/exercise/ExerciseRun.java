package org.jhpc.tutorial.exercise;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jhpc.core.UserError;

/**
 * {@code jhpc exercise NAME [--check FILE]}: runs the exercise's Start.java and checks its answer; with a file,
 * runs that file too, checks it, and reports its speed-up over the start (wall times, as {@code /usr/bin/time}
 * gives them; reported against the exercise's target, never a pass condition).
 */
public final class ExerciseRun {
    /** How the checked file is run. */
    public record Options(Path root, Path check, int ranks, boolean small, long timeoutSeconds, String classpath) {}

    private final Exercise exercise;
    private final Options o;
    private final PrintWriter out;

    public ExerciseRun(Exercise exercise, Options options, PrintWriter out) {
        this.exercise = exercise;
        this.o = options;
        this.out = out;
    }

    /** Checks the inputs (one-line {@link UserError}s), runs, prints the report; returns 0 if every check passed. */
    public int run() {
        Path start = exercise.dir(o.root()).resolve("Start.java");
        if (!Files.isRegularFile(start)) throw new UserError("no starting file " + start + " (is jhpc.root right?)");
        if (o.check() != null) {
            if (!Files.isRegularFile(o.check())) throw new UserError("--check: no such file: " + o.check());
            if (!o.check().getFileName().toString().endsWith(".java")) {
                throw new UserError("--check: " + o.check() + " is not a .java file");
            }
        }
        if (o.ranks() < 1 || o.ranks() > 64) throw new UserError("--ranks must be from 1 to 64, got " + o.ranks());
        if (o.timeoutSeconds() < 1) throw new UserError("--timeout must be at least 1 s, got " + o.timeoutSeconds());
        boolean mpi = exercise.mpi && o.check() != null;
        if (mpi && !onPath("mpirun")) {
            throw new UserError("exercise " + exercise.label + " runs your file under mpirun, which is not on PATH "
                    + "(scripts/install-deps installs Open MPI)");
        }
        List<String> args = o.small() ? exercise.smallArgs : exercise.args;
        out.printf(Locale.ROOT, "exercise %s: the task is %s%n", exercise.label, show(exercise.dir(o.root()).resolve("TASK.md")));
        Outcome base = runOne("start", start, args, 0);
        if (o.check() == null) return base.passed ? 0 : 1;
        Outcome mine = runOne("yours", o.check(), args, mpi ? o.ranks() : 0);
        if (base.passed && mine.passed) {
            out.printf(Locale.ROOT, "speed-up: %.2fx over Start.java (target %sx%s; reported, not checked)%n",
                    base.seconds / mine.seconds, fmt(exercise.target), mpi ? " on " + o.ranks() + " ranks" : "");
        }
        out.println(mine.passed ? "PASS" : "FAIL: " + show(o.check()) + ": " + mine.why);
        return base.passed && mine.passed ? 0 : 1;
    }

    private record Outcome(boolean passed, double seconds, String why) {}

    private Outcome runOne(String who, Path file, List<String> args, int ranks) {
        out.printf(Locale.ROOT, "%s: %s%s %s%n", who, ranks > 0 ? "mpirun -np " + ranks + " " : "", show(file), String.join(" ", args));
        out.flush();
        JavaProgram program;
        try {
            program = JavaProgram.compile(file, o.classpath());
        } catch (JavaProgram.CompileError e) {
            out.println("  FAIL: " + e.getMessage());
            return new Outcome(false, 0, e.getMessage());
        }
        try (program) {
            JavaProgram.Run r = program.run(args, ranks, o.timeoutSeconds());
            if (r.exit() != 0) {
                String why = r.exit() < 0 ? "ran past the " + o.timeoutSeconds() + " s deadline and was killed"
                        : "exited with code " + r.exit();
                out.println("  FAIL: " + why);
                r.err().lines().filter(l -> !l.startsWith("WARNING: Using incubator modules"))
                        .skip(Math.max(0, r.err().lines().count() - 8)).forEach(l -> out.println("  | " + l));
                return new Outcome(false, r.seconds(), why);
            }
            Verdict v = exercise.check.check(args, r.out());
            out.printf(Locale.ROOT, "  %.3f s  %s  %s: %s%n", r.seconds(), v.answer(), v.passed() ? "ok" : "FAIL", v.detail());
            out.flush();
            return new Outcome(v.passed(), r.seconds(), v.detail());
        }
    }

    private String show(Path p) {
        Path abs = p.toAbsolutePath().normalize(), root = o.root().toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : p.toString();
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }
}
