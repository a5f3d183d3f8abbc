package org.jhpc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jhpc.benchmark.BenchOptions;
import org.jhpc.benchmark.Harness;
import org.jhpc.benchmark.ModelCommand;
import org.jhpc.benchmark.Outputs;
import org.jhpc.benchmark.PeerInstaller;
import org.jhpc.benchmark.Progress;
import org.jhpc.benchmark.Results;
import org.jhpc.benchmark.Toolchain;
import org.jhpc.benchmark.Workloads;
import org.jhpc.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jhpc bench}: the slides' timing tables, measured here (the harness is the benchmark module's). */
@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Times jhpc's variants against the C++, Fortran and Python peers (built and run from peers/), "
                + "side by side, and writes a Markdown table, a CSV and PNG charts.",
                "WORKLOAD: diff2d, auc, expr, mpi, all, or model (the MPI scaling model for diff2d)."})
final class BenchCommand implements Callable<Integer> {
    /**
     * Warm runs per row and main case without --runs: 3, so that `jhpc bench all` (every row, the full sweeps and the
     * JMH rows) takes an estimated 6-8 minutes on an idle 2-core machine (from the checked-in sets' per-run times;
     * not measured end to end), inside the 20 minutes a full set may take.
     */
    static final int DEFAULT_RUNS = 3;

    @Parameters(index = "0", paramLabel = "WORKLOAD", description = "diff2d, auc, expr, mpi, all or model")
    String workload;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: bench/results/<date>-<short sha>/)")
    Path outDir;

    @Option(names = "--quick", description = "a cold and a warm run, threads and ranks at all cores only, the slides' "
            + "grid for a quarter of its steps, two sweep sizes (one warm run each), no slow rows, no JMH")
    boolean quick;

    @Option(names = "--runs", paramLabel = "N", description = "warm runs per row and case, after one cold run (default: 3, --quick 1)")
    Integer runs;

    @Option(names = "--only", paramLabel = "ROWS", split = ",", description = "run only these rows (ids as in the table's flags list)")
    List<String> only = new ArrayList<>();

    @Option(names = "--install-peers", description = "as root: apt-get the missing peer toolchains first")
    boolean installPeers;

    @Option(names = "--no-sweep", description = "the main cases only")
    boolean noSweep;

    @Option(names = "--deadline", paramLabel = "S", description = "seconds one run may take before it is killed")
    int deadline = 300;

    @Option(names = "--peers", paramLabel = "DIR", hidden = true, description = "peer sources (tests)")
    Path peers;

    @Option(names = "--tiny", hidden = true, description = "tiny cases (tests)")
    boolean tiny;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = Path.of(java.util.Objects.requireNonNullElse(org.jhpc.core.Config.ROOT.given(), ".")).toAbsolutePath().normalize();
        List<String> workloads = workload.equals("all") ? Workloads.NAMES : workload.equals("model") ? List.of() : List.of(workload);
        workloads.forEach(Workloads::byName);   // unknown name: one line, exit 2
        if (runs != null && runs < 1) throw new UserError("--runs must be >= 1, got " + runs);
        if (deadline < 1) throw new UserError("--deadline must be >= 1, got " + deadline);
        Path dir = outDir != null ? outDir : root.resolve("bench/results").resolve(LocalDate.now(ZoneOffset.UTC) + "-" + shortSha(root));
        Outputs.requireWritableDir(dir);
        if (installPeers) err.println(PeerInstaller.install(Toolchain.probe()));
        Progress progress = org.jhpc.core.Config.STDERR_TTY.isOn()
                ? Progress.bar() : Progress.lines(err);
        BenchOptions o = new BenchOptions(workloads, dir, quick, runs != null ? runs : quick ? 1 : DEFAULT_RUNS, Set.copyOf(only), root,
                peers != null ? peers.toAbsolutePath() : root.resolve("peers"), jhpc(root), Duration.ofSeconds(deadline),
                !noSweep, !quick && !tiny, tiny);
        List<String> argv = spec.commandLine().getParseResult().originalArgs();
        List<Path> files;
        if (workload.equals("model")) {
            files = ModelCommand.run(o, progress, dir);
            stdout.print(Files.readString(files.get(0)));
        } else {
            Results res = new Harness(o, progress).run(argv.subList(1, argv.size()));
            files = Outputs.write(res, dir);
        }
        for (Path f : files) stdout.println(f);
        return 0;
    }

    /** ./jhpc, or (-Djhpc.bench.launcher=self, or no launcher script) this JVM's own command line. */
    static List<String> jhpc(Path root) {
        Path script = root.resolve("jhpc");
        if (!"self".equals(org.jhpc.core.Config.BENCH_LAUNCHER.given()) && Files.isExecutable(script)) return List.of(script.toString());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC",
                "-Djhpc.root=" + root, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        return cmd;
    }

    static String shortSha(Path root) {
        String s = org.jhpc.benchmark.Proc.firstLine("git", "-C", root.toString(), "rev-parse", "--short", "HEAD");
        return s.isEmpty() ? "nogit" : s;
    }
}
