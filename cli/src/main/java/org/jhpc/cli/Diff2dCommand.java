package org.jhpc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jhpc.core.AtomicFiles;
import org.jhpc.core.Cpus;
import org.jhpc.core.Npy;
import org.jhpc.core.ParamFile;
import org.jhpc.core.Simd;
import org.jhpc.core.UserError;
import org.jhpc.core.Variant;
import org.jhpc.diffusion.Diff2dOptions;
import org.jhpc.diffusion.Diff2dParams;
import org.jhpc.diffusion.Diff2dProblem;
import org.jhpc.diffusion.Diff2dRun;
import org.jhpc.diffusion.Field;
import org.jhpc.diffusion.Pictures;
import org.jhpc.diffusion.Solver;
import org.jhpc.diffusion.Solvers;
import org.jhpc.diffusion.mpi.MpiSolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jhpc diff2d}: the tutorial's 2-D diffusion run, on any rung of the ladder. */
@Command(name = "diff2d", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"2-D diffusion dp/dt = D (d2p/dx2 + d2p/dy2) on [x1,x2]^2 with zero boundary, explicit finite "
                + "differences, the four-peak initial condition of the tutorial's diff2d.py.",
                "Prints the simulation time at the start and every outtime, exactly as the Python program does.",
                "Parameters (defaults): D = 1.0; x1 = -10.0; x2 = 10.0; runtime = 15.0; dx = 0.1; outtime = 0.5; "
                        + "graphics = False"})
public final class Diff2dCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--params", paramLabel = "FILE", description = "parameter file in the tutorial's diff2dparams.py "
            + "format (read as data, never executed)")
    Path params;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "override one parameter (repeatable), "
            + "e.g. --set dx=0.5")
    List<String> sets = new ArrayList<>();

    @Option(names = "--variant", paramLabel = "V", description = "lists, loops, flat, simd, threads, expr, mpi "
            + "(default: the fastest here: threads for runs of 1e9 cell updates or more on more than one core that is not busy (load average below the core count), else simd; mpi: launch with mpirun, e.g. "
            + "mpirun --oversubscribe --bind-to none -np 4 ./jhpc diff2d --variant mpi)")
    String variant;

    @Option(names = "--threads", paramLabel = "N", description = "threads for the threads and expr variants (default: available "
            + "processors, honouring SLURM_CPUS_PER_TASK / SLURM_NPROCS and CPU affinity)")
    int threads = Cpus.defaultThreads();

    @Option(names = "--depth", paramLabel = "D", description = "time steps per pass over memory (temporal blocking) "
            + "for simd and threads; 0 = automatic, 1 = none")
    int depth = 0;

    @Option(names = "--no-simd", description = "use the scalar kernels even where the Vector API is available")
    boolean noSimd;

    @Option(names = "--save", paramLabel = "FILE.npy", description = "write the final density (npnts x npnts float64, "
            + "boundary included) in numpy's .npy format")
    Path save;

    @Option(names = "--frames", paramLabel = "DIR", description = "write one PNG picture per printed time into DIR")
    Path frames;

    @Option(names = "--gif", paramLabel = "FILE.gif", description = "write an animated GIF of the printed times")
    Path gif;

    @Option(names = "--window", description = "show a live window that redraws at each printed time (as graphics = True)")
    boolean window;

    @Option(names = "--timing", description = "print the kernel, rates and compute_seconds=<s> (time-stepping loop "
            + "only) on stderr")
    boolean timing;

    @Option(names = "--fail-rank", paramLabel = "R", description = "fault injection (tests; mpi variant): rank R "
            + "fails at step --fail-at-step")
    Integer failRank;

    @Option(names = "--fail-at-step", paramLabel = "K", description = "the step at which --fail-rank fails (default 0)")
    long failAtStep = 0;

    @Override
    public Integer call() {
        if (noSimd) Simd.force(false);
        Diff2dParams p = Diff2dParams.defaults();
        if (params != null) p = p.withAll(ParamFile.read(params));
        for (String s : sets) p = p.withAssignment(s);
        Diff2dProblem problem = new Diff2dProblem(p);
        Variant v = variant == null ? Solvers.fastest(problem, threads) : Variant.parse(variant);
        AtomicFiles.requireWritable(save);
        AtomicFiles.requireWritable(gif);
        if (failRank != null && (v != Variant.MPI || failRank < 0 || failAtStep < 0)) {
            throw new UserError("--fail-rank needs --variant mpi, a rank >= 0 and --fail-at-step >= 0");
        }
        Diff2dOptions options = new Diff2dOptions(v, threads, depth, failRank == null
                ? MpiSolver.FaultInjection.NONE : new MpiSolver.FaultInjection(failRank, failAtStep));

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Diff2dRun.Result result;
        String kernel;
        double haloSeconds = -1;
        try (Solver solver = Solvers.create(problem, options)) {
            // with MPI only rank 0 prints and draws; the others take part in the gathers behind density()
            MpiSolver mpi = solver instanceof MpiSolver m ? m : null;
            boolean root = mpi == null || mpi.isRoot();
            List<Diff2dRun.Observer> observers = new ArrayList<>();
            if (root) {
                observers.addAll(Pictures.observers(frames, gif, window || p.graphics(), err));
                ProgressObserver progress = ProgressObserver.ifTerminal("diff2d");
                if (progress != null) observers.add(progress);
            }
            if (mpi != null && mpi.fromRoot(!observers.isEmpty()) && !root) observers = List.of(NO_PICTURES);
            kernel = solver.kernel();
            result = Diff2dRun.run(problem, solver, root ? out : null, observers);
            if (save != null) {
                Field f = solver.density();
                if (root) Npy.write(save, f.size(), f.size(), f::row);
            }
            if (mpi != null) haloSeconds = mpi.haloSeconds();
            if (!root) return 0;
        }
        if (timing) {
            double updates = problem.cellUpdates();
            double secs = result.computeSeconds();
            err.printf("variant=%s%n", v);
            err.printf("kernel=%s%n", kernel);
            err.printf("grid=%dx%d nsteps=%d cell_updates=%.4g%n", problem.npnts, problem.npnts, problem.nsteps, updates);
            if (secs > 0) {
                err.printf("gflops=%.3f (7 flops per cell update)%n", updates * 7 / secs * 1e-9);
                err.printf("gbytes_per_second=%.3f (16 bytes per cell update: one read and one write)%n",
                        updates * 16 / secs * 1e-9);
            }
            if (result.firstSteps() > 0) {
                err.printf("first_call: %d steps in %.4g s; steady state (fastest call): %.4g s per step, "
                        + "%.4g s for the whole run%n", result.firstSteps(), result.firstSeconds(),
                        result.bestSecondsPerStep(), result.bestSecondsPerStep() * problem.nsteps);
            }
            if (haloSeconds >= 0 && problem.nsteps > 0) {
                err.printf("halo_seconds_per_step=%.3g (rank 0, included in compute_seconds)%n",
                        haloSeconds / problem.nsteps);
            }
            err.println("compute_seconds=" + secs);
            err.flush();
        }
        return 0;
    }

    /** The observer of MPI ranks other than 0: draws nothing, but makes them join rank 0's density() gathers. */
    static final Diff2dRun.Observer NO_PICTURES = (pr, step, simtime, density) -> { };
}
