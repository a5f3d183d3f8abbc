package org.jhpc.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MPI installations an MPI test runs under: Open MPI and MPICH, side by side as Debian installs them
 * ({@code scripts/install-deps}). Each has its own launcher ({@code mpirun.openmpi}, {@code mpirun.mpich}) and
 * library, which the child JVMs are told with {@code JHPC_LIBMPI}. Which ones a run uses: {@code JHPC_TEST_MPI} =
 * {@code openmpi}, {@code mpich} or {@code all} (the default: every one installed). A test parameterised by
 * {@link #selected()} skips loudly for a flavour that is selected but not installed.
 */
public enum MpiFlavour {
    OPEN_MPI("openmpi", "libmpi.so.40", "mpirun.openmpi", "/usr/lib/x86_64-linux-gnu/libmpi.so.40"),
    MPICH("mpich", "libmpich.so.12", "mpirun.mpich", "/usr/lib/x86_64-linux-gnu/libmpich.so.12");

    private final String key;
    private final String soname;
    private final String launcher;
    private final String libraryFile;

    MpiFlavour(String key, String soname, String launcher, String libraryFile) {
        this.key = key;
        this.soname = soname;
        this.launcher = launcher;
        this.libraryFile = libraryFile;
    }

    /** The flavours {@code JHPC_TEST_MPI} selects (default: both; each test skips those not installed). */
    public static List<MpiFlavour> selected() {
        String want = System.getenv().getOrDefault("JHPC_TEST_MPI", "all").strip().toLowerCase(Locale.ROOT);
        List<MpiFlavour> out = new ArrayList<>();
        for (MpiFlavour f : values()) if (want.equals("all") || want.isEmpty() || want.equals(f.key)) out.add(f);
        if (out.isEmpty()) throw new IllegalArgumentException("JHPC_TEST_MPI must be openmpi, mpich or all, got " + want);
        return out;
    }

    /** The launcher on PATH, or null when this flavour is not installed. */
    public Path launcher() {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, launcher);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** Whether the launcher and the library are both there; otherwise why not. */
    public String missing() {
        if (launcher() == null) return launcher + " not on PATH (scripts/install-deps mpi installs it)";
        if (!Files.exists(Path.of(libraryFile))) return libraryFile + " missing (scripts/install-deps mpi installs it)";
        return null;
    }

    /**
     * {@code LAUNCHER -np N [options] command...}: Open MPI gets {@code --oversubscribe --bind-to none} (and
     * {@code --allow-run-as-root} as root); MPICH's Hydra gets {@code -bind-to none} and oversubscribes by itself.
     */
    public List<String> command(int np, List<String> command) {
        List<String> c = new ArrayList<>();
        c.add(launcher().toString());
        if (this == OPEN_MPI) {
            if ("root".equals(System.getProperty("user.name"))) c.add("--allow-run-as-root");
            c.addAll(List.of("--oversubscribe", "--bind-to", "none"));
        } else {
            c.addAll(List.of("-bind-to", "none"));
        }
        c.addAll(List.of("-np", Integer.toString(np)));
        c.addAll(command);
        return c;
    }

    /**
     * The environment the ranks need: the library to bind ({@code JHPC_LIBMPI}) and, for Open MPI, waiting ranks
     * that yield the shared cores ({@code OMPI_MCA_mpi_yield_when_idle=1}) and 10 s between the SIGTERM and the
     * SIGKILL that mpirun sends on a signal ({@code odls_base_sigkill_timeout}, as diffusion/README.md advises).
     */
    public Map<String, String> env() {
        return this == OPEN_MPI ? Map.of("JHPC_LIBMPI", soname, "OMPI_MCA_mpi_yield_when_idle", "1",
                "OMPI_MCA_odls_base_sigkill_timeout", "10")
                : Map.of("JHPC_LIBMPI", soname);
    }

    @Override
    public String toString() {
        return this == OPEN_MPI ? "Open MPI" : "MPICH";
    }
}
