package org.jhpc.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the compiled peers from the sources under {@code peers/} into a scratch directory, once per harness run,
 * with the flags the tables quote. A build that fails is remembered with its compiler's last line, so that every
 * row that needed it is reported as "build failed", not dropped.
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
    public static final Spec AUC_CPP = new Spec("auc_cpp", "g++", "cpp/auc_serial.cpp", List.of("-O3", "-march=native"));
    public static final Spec AUC_F90 = new Spec("auc_f90", "gfortran", "fortran/auc_serial.f90",
            List.of("-O3", "-march=native"));
    public static final Spec PINGPONG_C = new Spec("pingpong_c", "mpicc", "mpi/pingpong.c", List.of("-O2"));
    /** {@code jhpc bench mpi}'s C peer, once per MPI library: built with that library's own mpicc. */
    public static final Spec MPIBENCH_OPENMPI = new Spec("mpibench_openmpi", "mpicc.openmpi", "mpi/mpibench.c", List.of("-O2"));
    public static final Spec MPIBENCH_MPICH = new Spec("mpibench_mpich", "mpicc.mpich", "mpi/mpibench.c", List.of("-O2"));

    private final Path peers;
    private final Path scratch;
    private final Toolchain tools;
    private final Duration deadline;
    private final Map<String, Path> built = new LinkedHashMap<>();
    private final Map<String, String> failed = new LinkedHashMap<>();

    public PeerBuilds(Path peers, Path scratch, Toolchain tools, Duration deadline) {
        this.peers = peers;
        this.scratch = scratch;
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
        built.put(spec.name(), bin);
        return Optional.of(bin);
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
