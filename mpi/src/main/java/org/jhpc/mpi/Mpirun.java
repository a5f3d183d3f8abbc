package org.jhpc.mpi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jhpc.core.Config;

/**
 * The {@code mpirun} command line jhpc documents and its tests use: {@code mpirun --oversubscribe --bind-to none
 * -np N ...}, plus {@code --allow-run-as-root} when running as root. {@code --oversubscribe} allows more ranks than
 * cores; {@code --bind-to none} stops Open MPI pinning each rank to one core (a JVM pinned to one core runs its
 * garbage collector and compiler threads there too).
 */
public final class Mpirun {
    private Mpirun() {}

    /** The {@code mpirun} on PATH (or {@code $JHPC_MPIRUN}), if any. */
    public static Optional<Path> find() {
        String override = Config.MPIRUN.given();
        if (override != null) {
            Path p = Path.of(override);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "mpirun");
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Whether this process runs as root (Open MPI's mpirun then needs {@code --allow-run-as-root}). */
    public static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** {@code mpirun [--allow-run-as-root] --oversubscribe --bind-to none -np N command...}. */
    public static List<String> command(Path mpirun, int np, List<String> command) {
        List<String> c = new ArrayList<>();
        c.add(mpirun.toString());
        if (runningAsRoot()) c.add("--allow-run-as-root");
        c.addAll(List.of("--oversubscribe", "--bind-to", "none", "-np", Integer.toString(np)));
        c.addAll(command);
        return c;
    }
}
