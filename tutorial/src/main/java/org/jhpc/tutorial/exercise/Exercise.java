package org.jhpc.tutorial.exercise;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jhpc.core.UserError;

/**
 * The slides' four hands-on blocks, as exercises in {@code exercises/NAME/}: {@code Start.java} (the slow,
 * runnable starting point), {@code TASK.md} and {@code Solution.java} (a reference answer). Each knows the
 * arguments its programs get (the slides' size and a small one for quick tries), how its answer is checked, and
 * the speed-up to aim for (reported, never asserted).
 */
public enum Exercise {
    /** Slides 45–46: profile auc_serial, find the hot lines, fix them. */
    PROFILING("profiling", List.of("3000000"), List.of("100003"), new AreaCheck(), 10, false),
    /** Slides 66–67: vectorise diff2d (flat arrays, one fused sweep, the Vector API). */
    VECTORISING("vectorising", List.of("0.1", "15"), List.of("0.5", "2"), new Diff2dCheck(), 2, false),
    /** Slide 82: the expression engine (numexpr) for auc. */
    NUMEXPR("numexpr", List.of("10000000"), List.of("100003"), new AreaCheck(), 2, false),
    /** Slide 114: auc over MPI ranks. */
    MPI_AUC("mpi-auc", List.of("1000000000"), List.of("1000003"), new AreaCheck(), 1.5, true);

    public final String label;
    /** The slides' case and a small one (--small). */
    public final List<String> args, smallArgs;
    public final AnswerCheck check;
    /** Speed-up over Start.java to aim for. */
    public final double target;
    /** Whether the checked file runs under mpirun. */
    public final boolean mpi;

    Exercise(String label, List<String> args, List<String> smallArgs, AnswerCheck check, double target, boolean mpi) {
        this.label = label;
        this.args = args;
        this.smallArgs = smallArgs;
        this.check = check;
        this.target = target;
        this.mpi = mpi;
    }

    /** exercises/NAME under the repository root. */
    public Path dir(Path root) {
        return root.resolve("exercises").resolve(label);
    }

    public static Exercise parse(String name) {
        for (Exercise e : values()) if (e.label.equals(name.strip().toLowerCase(Locale.ROOT))) return e;
        throw new UserError("unknown exercise '" + name + "'; choose one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(e -> e.label).collect(Collectors.joining(", "));
    }
}
