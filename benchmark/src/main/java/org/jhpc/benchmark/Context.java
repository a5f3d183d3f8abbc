package org.jhpc.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** What every workload needs while it builds rows and checks answers: options, tools, builds, the machine. */
public final class Context {
    public final BenchOptions options;
    public final Toolchain tools;
    public final PeerBuilds builds;
    /** Builds of the answer references, always from the repository's own peers/ (never a test's broken copy). */
    public final PeerBuilds referenceBuilds;
    public final Machine machine;
    public final Path scratch;
    private final Map<String, Object> cache = new ConcurrentHashMap<>();

    public Context(BenchOptions options, Toolchain tools, PeerBuilds builds, PeerBuilds referenceBuilds, Machine machine,
            Path scratch) {
        this.options = options;
        this.tools = tools;
        this.builds = builds;
        this.referenceBuilds = referenceBuilds;
        this.machine = machine;
        this.scratch = scratch;
    }

    /** The jhpc command followed by {@code args}. */
    public List<String> jhpc(List<String> args) {
        List<String> cmd = new ArrayList<>(options.jhpc());
        cmd.addAll(args);
        return cmd;
    }

    /** {@code mpirun -np R} (with the flags this machine needs) followed by {@code cmd}. */
    public List<String> mpirun(int ranks, List<String> cmd) {
        List<String> c = new ArrayList<>(List.of(tools.mpirun.orElseThrow().toString()));
        if ("root".equals(System.getProperty("user.name"))) c.add("--allow-run-as-root");
        c.addAll(List.of("--oversubscribe", "--bind-to", "none", "-np", String.valueOf(ranks)));
        c.addAll(cmd);
        return c;
    }

    public Path peer(String relative) {
        return options.peers().resolve(relative);
    }

    /** A new empty directory for one run's answer files. */
    public Path runDir() {
        try {
            return Files.createTempDirectory(scratch, "run");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A value computed once per key (the reference answer of a case). */
    @SuppressWarnings("unchecked")
    public <T> T cached(String key, Function<String, T> f) {
        return (T) cache.computeIfAbsent(key, k -> f.apply(k));
    }

    /**
     * Threads 1..cores, the list the threads and ranks rows run over; with --quick only {@code cores} itself (the
     * row kind is represented; the scaling over 1..cores is the full run's).
     */
    public List<Integer> threadCounts() {
        int cores = Math.max(1, machine.cores());
        if (options.quick()) return List.of(cores);
        List<Integer> t = new ArrayList<>();
        for (int i = 1; i <= cores; i++) t.add(i);
        return t;
    }
}
