package org.jhpc.core;

import java.util.Locale;

/**
 * Every setting jhpc takes from outside its command line: each {@code -Djhpc.*} system property and each
 * {@code JHPC_*} environment variable is one entry here, with its default and meaning, and this is the only class
 * that reads them ({@code ConfigTest} greps the sources for readers elsewhere). {@code docs/configuration.md} is
 * {@link #markdownTable()}. Where an entry has both a property and a variable, the property wins.
 *
 * <p>Entries whose reader is {@code ./jhpc} are the launcher script's own variables: listed here so that the table
 * is complete, read by the script and never by Java. Entries named {@code jhpc.testing.*} are the test hooks
 * ({@link Testing}); users never need them.
 */
public enum Config {
    SIMD("jhpc.simd", "JHPC_SIMD", "on", "core",
            "`off`, `false` or `0` switches the SIMD (Vector API) kernels off in every module, as `--no-simd` does"),
    WARMUP("jhpc.warmup", null, "true", "diffusion",
            "`false` skips diff2d's background JIT warm-up of the kernels at start-up"),
    AUC_WARM("jhpc.auc.warm", null, "true", "auc",
            "`false` skips the warm-up of auc's SIMD kernel before the timed run"),
    EXPR_THREADS(null, "JHPC_EXPR_THREADS", "", "expr",
            "the expression engine's default thread count (default: the available processors, capped by "
                    + "`SLURM_CPUS_PER_TASK` / `SLURM_NPROCS`)"),
    EXPR_NOFUSION("jhpc.expr.nofusion", null, "false", "expr",
            "`true` keeps every expression on the block interpreter (no generated fused loops)"),
    LIBMPI("jhpc.libmpi", "JHPC_LIBMPI", "", "mpi",
            "the `libmpi.so` to load (default: searched in the usual Open MPI places)"),
    MPIRUN(null, "JHPC_MPIRUN", "", "mpi", "the `mpirun` tests and `jhpc mpi doctor` use (default: the first on PATH)"),
    MPI_THREAD(null, "JHPC_MPI_THREAD", "single", "mpi",
            "the MPI thread level asked for: `single`, `funneled`, `serialized` or `multiple` (jhpc calls MPI from one "
                    + "thread; Open MPI 4.1 locks at every level above `single`, about 70 ns per send and receive)"),
    ROOT("jhpc.root", null, "", "profiler",
            "the repository root (set by `./jhpc` and by Surefire): where the profiler finds sources and its agent jar"),
    PROFILER_AGENT("jhpc.profiler.agent", null, "", "profiler",
            "the `--exact` agent jar (default: found on the classpath or under the root)"),
    PROFILE_JVM("jhpc.profile.jvm", "JHPC_PROFILE_JVM", "auto", "profiler",
            "`child`: `jhpc profile -- <jhpc command>` always runs the command in a child JVM (default: in the "
                    + "profiler's own JVM when it was started with the child's JFR flags, as `./jhpc` does)"),
    PROFILE_CPUTIME("jhpc.profile.cputime", "JHPC_PROFILE_CPUTIME", "auto", "profiler",
            "`off`: treat JFR's CPU-time sampler (JDK 25, Linux) as unavailable, so that `--samples auto` falls back "
                    + "to execution samples as on other JVMs"),
    STDERR_TTY("jhpc.stderr.tty", null, "0", "cli", "`1` when stderr is a terminal (set by `./jhpc`): shows progress bars"),
    PROGRESS_AFTER("jhpc.progress.after", null, "2", "cli", "seconds a run lasts before its progress bar appears"),
    DEBUG(null, "JHPC_DEBUG", "", "cli", "when set, an internal error also prints its stack trace"),
    JAVA_OPTS(null, "JHPC_JAVA_OPTS", "", "./jhpc", "extra JVM flags for the launcher, e.g. `-Xmx8g`"),
    BENCH_LAUNCHER("jhpc.bench.launcher", null, "", "cli",
            "`self`: `jhpc bench` runs jhpc's rows with this JVM's own java command line instead of `./jhpc` (its tests)"),
    DIST_NO_BUILD(null, "JHPC_DIST_NO_BUILD", "", "scripts/dist",
            "when set, `scripts/dist` packs the jars as built instead of running Maven first (DistTest)"),
    AOT(null, "JHPC_AOT", "1", "./jhpc", "`0` runs the JVM without the launcher's AOT cache (and trains none)"),
    RAW_STDERR(null, "JHPC_RAW_STDERR", "", "./jhpc",
            "when set, the launcher passes the JVM's stderr through unfiltered (the Vector API notice included)"),
    TEST_MPI(null, "JHPC_TEST_MPI", "all", "tests",
            "which MPI installations the MPI tests run under: `openmpi`, `mpich` or `all` (each one installed)"),
    TESTING_FAIL("jhpc.testing.fail", null, "", "diffusion",
            "test hook: `R@K` makes rank R of a `--variant mpi` run fail at step K (fault-injection tests)"),
    TESTING_PACE("jhpc.testing.pace", null, "", "diffusion",
            "test hook: `MILLIS` makes each rank of a `--variant mpi` run sleep that long per time step, so that a "
                    + "signal lands mid-run while the resumed run goes at full speed (signal tests)"),
    TESTING_WINDOW_SNAPSHOT("jhpc.testing.window.snapshot", null, "", "plot",
            "test hook: the live window saves what the X server shows in it as this PNG when it closes");

    private final String property;
    private final String variable;
    private final String defaultValue;
    private final String reader;
    private final String meaning;

    Config(String property, String variable, String defaultValue, String reader, String meaning) {
        this.property = property;
        this.variable = variable;
        this.defaultValue = defaultValue;
        this.reader = reader;
        this.meaning = meaning;
    }

    /** The system property's name, or null when there is none. */
    public String property() {
        return property;
    }

    /** The environment variable's name, or null when there is none. */
    public String variable() {
        return variable;
    }

    /** The value used when neither is set ("" for "none"). */
    public String defaultValue() {
        return defaultValue;
    }

    /** The module (or the launcher script, {@code ./jhpc}) that reads this setting. */
    public String reader() {
        return reader;
    }

    public String meaning() {
        return meaning;
    }

    /** The value given by the property, else the variable; null when neither is set (or is blank). */
    public String given() {
        String v = property == null ? null : System.getProperty(property);
        if ((v == null || v.isBlank()) && variable != null) v = System.getenv(variable);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The given value, else the default. */
    public String value() {
        String v = given();
        return v != null ? v : defaultValue;
    }

    /** Whether the value reads as true: anything but "", false, off, no and 0 (any case). */
    public boolean isOn() {
        String v = value().toLowerCase(Locale.ROOT);
        return !(v.isEmpty() || v.equals("false") || v.equals("off") || v.equals("no") || v.equals("0"));
    }

    /** How a user sets it: {@code -Djhpc.simd=...} and/or {@code JHPC_SIMD=...}. */
    public String names() {
        String p = property == null ? "" : "`-D" + property + "`";
        String e = variable == null ? "" : "`" + variable + "`";
        return p.isEmpty() ? e : e.isEmpty() ? p : p + ", " + e;
    }

    /** The table of docs/configuration.md: one row per entry, in declaration order. */
    public static String markdownTable() {
        StringBuilder sb = new StringBuilder("| setting | default | read by | meaning |\n|---|---|---|---|\n");
        for (Config c : values()) {
            sb.append("| ").append(c.names()).append(" | ")
                    .append(c.defaultValue.isEmpty() ? "(none)" : "`" + c.defaultValue + "`").append(" | ")
                    .append(c.reader).append(" | ").append(c.meaning).append(" |\n");
        }
        return sb.toString();
    }
}
