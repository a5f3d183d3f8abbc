package org.jhpc.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the compiled peers from the sources under {@code peers/}, once per harness run, with the flags the tables
 * quote. A build that succeeds is kept in a cache directory ({@code target/bench-peers/} of the repository) under
 * the SHA-256 of the CPU model, its compiler's version line, its flags and its source, so that a later run with the same three
 * reuses the binary instead of compiling again; without a writable cache it builds into the scratch directory. A
 * build that fails is never cached: it is remembered for this run with its compiler's last line, so that every row
 * that needed it is reported as "build failed", not dropped.
 */
public final class PeerBuilds {
    /** A peer binary: how to build it. {@code compiler} is the tool's name as {@link Toolchain} knows it. */
    public record Spec(String name, String compiler, String source, List<String> flags) {
        public String flagsText() {
            return compiler + " " + String.join(" ", flags);
        }
    }

    public static final Spec DIFF2D_CPP = new Spec("diff2d_cpp", "g++", "cpp/diff2d.cpp",
            List.of("-O3", "-march=native", "-std=c++17"));
    public static final Spec DIFF2D_OMP = new Spec("diff2d_omp", "g++", "cpp/diff2d.cpp",
            List.of("-O3", "-march=native", "-std=c++17", "-fopenmp"));
    /** The answer reference: strict IEEE (no FMA contraction), the slides' two sweeps. */
    public static final Spec DIFF2D_REF = new Spec("diff2d_ref", "g++", "cpp/diff2d.cpp",
            List.of("-O2", "-ffp-contract=off", "-std=c++17"));
    /** The Fortran peer of diff2d: the slides' two sweeps, column-major with the slides' j index first. */
    public static final Spec DIFF2D_F90 = new Spec("diff2d_f90", "gfortran", "fortran/diff2d.f90",
            List.of("-O3", "-march=native"));
    public static final Spec AUC_CPP = new Spec("auc_cpp", "g++", "cpp/auc_serial.cpp", List.of("-O3", "-march=native"));
    public static final Spec AUC_F90 = new Spec("auc_f90", "gfortran", "fortran/auc_serial.f90",
            List.of("-O3", "-march=native"));
    public static final Spec PINGPONG_C = new Spec("pingpong_c", "mpicc", "mpi/pingpong.c", List.of("-O2"));
    /** {@code jhpc bench mpi}'s C peer, once per MPI library: built with that library's own mpicc. */
    public static final Spec MPIBENCH_OPENMPI = new Spec("mpibench_openmpi", "mpicc.openmpi", "mpi/mpibench.c", List.of("-O2"));
    public static final Spec MPIBENCH_MPICH = new Spec("mpibench_mpich", "mpicc.mpich", "mpi/mpibench.c", List.of("-O2"));

    private final Path peers;
    private final Path scratch;
    private final Path cache;
    private final String host;
    private final Toolchain tools;
    private final Duration deadline;
    private final Map<String, Path> built = new LinkedHashMap<>();
    private final Map<String, String> failed = new LinkedHashMap<>();
    private final Map<String, String> versions = new LinkedHashMap<>();

    /**
     * {@code cache}: where built binaries are kept between runs, or null for none; {@code host}: the CPU model, part
     * of the cache key because -march=native builds for the CPU it runs on.
     */
    public PeerBuilds(Path peers, Path scratch, Path cache, String host, Toolchain tools, Duration deadline) {
        this.peers = peers;
        this.scratch = scratch;
        this.cache = cache;
        this.host = host;
        this.tools = tools;
        this.deadline = deadline;
    }

    /**
     * The binary for {@code spec}, built on first request; empty with {@link #why} set when the compiler is missing
     * or the build failed.
     */
    public synchronized Optional<Path> get(Spec spec) {
        if (built.containsKey(spec.name())) return Optional.of(built.get(spec.name()));
        if (failed.containsKey(spec.name())) return Optional.empty();
        Optional<Path> cc = switch (spec.compiler()) {
            case "g++" -> tools.gxx;
            case "gfortran" -> tools.gfortran;
            case "mpicc" -> tools.mpicc;
            case "mpicc.openmpi", "mpicc.mpich" -> Toolchain.which(spec.compiler());
            default -> Optional.empty();
        };
        Path src = peers.resolve(spec.source());
        if (cc.isEmpty()) {
            failed.put(spec.name(), "skipped: no " + spec.compiler() + " (Debian: " + debian(spec.compiler())
                    + "; or --install-peers as root)");
            return Optional.empty();
        }
        if (!Files.isRegularFile(src)) {
            failed.put(spec.name(), "build failed: no source " + src);
            return Optional.empty();
        }
        Path cached = cachedPath(spec, cc.get(), src);
        if (cached != null && Files.isExecutable(cached)) {
            built.put(spec.name(), cached);
            return Optional.of(cached);
        }
        Path bin = scratch.resolve(spec.name());
        List<String> cmd = new ArrayList<>();
        cmd.add(cc.get().toString());
        cmd.addAll(spec.flags());
        cmd.add("-o");
        cmd.add(bin.toString());
        cmd.add(src.toString());
        Proc.Outcome o = Proc.run(Invocation.of(cmd), scratch, deadline);
        if (!o.ok() || !Files.isExecutable(bin)) {
            failed.put(spec.name(), "build failed (" + spec.flagsText() + " " + spec.source() + "): " + o.failure());
            return Optional.empty();
        }
        Path kept = keep(bin, cached);
        built.put(spec.name(), kept);
        return Optional.of(kept);
    }

    /** Where the cache holds (or will hold) this build, or null when there is no usable cache. */
    private Path cachedPath(Spec spec, Path compiler, Path src) {
        if (cache == null) return null;
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            String version = versions.computeIfAbsent(compiler.toString(), c -> Proc.firstLine(c, "--version"));
            md.update((host + "\n" + compiler + "\n" + version + "\n" + spec.flagsText() + "\n").getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(src));
            return cache.resolve(HexFormat.of().formatHex(md.digest()).substring(0, 24)).resolve(spec.name());
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** Moves a fresh build into the cache (atomically, so that a concurrent run never sees half a binary). */
    private static Path keep(Path bin, Path cached) {
        if (cached == null) return bin;
        try {
            Files.createDirectories(cached.getParent());
            Path tmp = Files.createTempFile(cached.getParent(), cached.getFileName().toString(), ".tmp");
            Files.copy(bin, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Files.move(tmp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return cached;
        } catch (IOException e) {
            return bin;   // no writable cache: this run uses its scratch build
        }
    }

    /** Why {@link #get} gave nothing for {@code spec}. */
    public synchronized String why(Spec spec) {
        return failed.getOrDefault(spec.name(), "not built");
    }

    static String debian(String compiler) {
        return switch (compiler) {
            case "mpicc", "mpicc.openmpi" -> "libopenmpi-dev";
            case "mpicc.mpich" -> "libmpich-dev";
            default -> compiler;
        };
    }
}
