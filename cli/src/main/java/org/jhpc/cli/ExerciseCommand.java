package org.jhpc.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jhpc.tutorial.exercise.Exercise;
import org.jhpc.tutorial.exercise.ExerciseRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jhpc exercise}: the slides' hands-on blocks, with checks (org.jhpc.tutorial.exercise). */
@Command(name = "exercise", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Runs exercise NAME's starting file (exercises/NAME/Start.java) and checks its answer; with "
                + "--check FILE, compiles and runs FILE too, checks it (the area to the digits printed, or diff2d's "
                + "printed times and total density) and reports its speed-up over the start. Exit code 0: every "
                + "check passed; 1: a check failed; 2: bad input.",
                "NAME: profiling, vectorising, numexpr, mpi-auc. The task: exercises/NAME/TASK.md."})
public final class ExerciseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "profiling, vectorising, numexpr or mpi-auc")
    String name;

    @Option(names = "--check", paramLabel = "FILE", description = "your .java file (its class named after the file)")
    Path check;

    @Option(names = "--ranks", paramLabel = "N", description = "MPI ranks for mpi-auc's --check run")
    int ranks = 2;

    @Option(names = "--small", description = "a small case (quick tries and tests) instead of the slides' size")
    boolean small;

    @Option(names = "--timeout", paramLabel = "S", description = "seconds each program may run before it is killed")
    long timeout = 600;

    @Override
    public Integer call() {
        Exercise e = Exercise.parse(name);
        Path root = Path.of(java.util.Objects.requireNonNullElse(org.jhpc.core.Config.ROOT.given(), "."));
        var options = new ExerciseRun.Options(root, check, ranks, small, timeout, System.getProperty("java.class.path"));
        return new ExerciseRun(e, options, spec.commandLine().getOut()).run();
    }
}
