package org.jhpc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jhpc.core.AtomicFiles;
import org.jhpc.core.Npy;
import org.jhpc.core.ParamFile;
import org.jhpc.core.PyFloat;
import org.jhpc.core.Signals;
import org.jhpc.core.UserError;
import org.jhpc.core.Variant;
import org.jhpc.diffusion.Checkpoint;
import org.jhpc.diffusion.Checkpointer;
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
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jhpc diff2d}: the tutorial's 2-D diffusion run, on any rung of the ladder. */
@Command(name = "diff2d", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"2-D diffusion dp/dt = D (d2p/dx2 + d2p/dy2) on [x1,x2]^2 with zero boundary, explicit finite "
                + "differences, the four-peak initial condition of the tutorial's diff2d.py.",
                "Prints the simulation time at the start and every outtime, exactly as the Python program does.",
                "Parameters (defaults): D = 1.0; x1 = -10.0; x2 = 10.0; runtime = 15.0; dx = 0.1; outtime = 0.5; "
                        + "graphics = False",
                "Variants: lists, loops, flat, simd, threads, expr, mpi (default: threads for runs of 1e9 cell "
                        + "updates or more on more than one core, else simd). --timing times the time-stepping loop "
                        + "only."})
public final class Diff2dCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--params", paramLabel = "FILE", description = "parameter file in the tutorial's diff2dparams.py "
            + "format (read as data, never executed)")
    Path params;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "override one parameter (repeatable), "
            + "e.g. --set dx=0.5", showDefaultValue = Help.Visibility.NEVER)
    List<String> sets = new ArrayList<>();

    @Mixin
    VariantOption variant;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--depth", paramLabel = "D", description = "time steps per pass over memory (temporal blocking) "
            + "for simd and threads; 0 = automatic, 1 = none")
    int depth = 0;

    @Mixin
    SimdOption simd;

    @Option(names = "--save", paramLabel = "FILE.npy", description = "write the final density (npnts x npnts float64, "
            + "boundary included) in numpy's .npy format")
    Path save;

    @Option(names = "--frames", paramLabel = "DIR", description = "write one PNG picture per printed time into DIR")
    Path frames;

    @Option(names = "--gif", paramLabel = "FILE.gif", description = "write an animated GIF of the printed times")
    Path gif;

    @Option(names = "--window", description = "show a live window that redraws at each printed time (as graphics = True)")
    boolean window;

    @Mixin
    TimingOption timing;

    // --- checkpoint/restart (faults): kept together in one block --------------------------------------------------
    @Option(names = "--checkpoint", paramLabel = "FILE.npz", description = "write checkpoints to FILE.npz (numpy .npz: "
            + "density, simtime, meta.txt), atomically; SIGTERM/SIGINT write a last one before stopping")
    Path checkpoint;

    @Option(names = "--checkpoint-every", paramLabel = "T", description = "checkpoint every T units of simulated time "
            + "(every max(1, int(T/dt)) steps)")
    Double checkpointEvery;

    @Option(names = "--checkpoint-every-seconds", paramLabel = "S", description = "checkpoint every S seconds of wall "
            + "time (batch jobs)")
    Double checkpointEverySeconds;

    @Option(names = "--resume", paramLabel = "FILE.npz", description = "continue the run saved in a checkpoint (its "
            + "parameters; --params/--set must agree with them); any variant or thread count gives the same field")
    Path resume;

    /** The most threads a run may ask for (more than this is a typo, or a run that would never start). */
    static final int MAX_THREADS = 1024;
    // -------------------------------------------------------------------------------------------------------------

    @Mixin
    JitOption jit = new JitOption();

    @Override
    public Integer call() {
        if (jit.reexecIfNeeded() instanceof Integer child) return child;
        simd.apply();
        if (threads.get() > MAX_THREADS) {
            throw new UserError("--threads must be <= " + MAX_THREADS + ", got " + threads.get());
        }
        Checkpoint resumed = resume == null ? null : Checkpoint.read(resume);
        Diff2dParams p = resumed == null ? Diff2dParams.defaults() : resumed.params();
        if (params != null) p = Diff2dParams.defaults().withAll(ParamFile.read(params));
        for (String s : sets) p = p.withAssignment(s);
        if (resumed != null && (params != null || !sets.isEmpty())) {
            String diff = resumed.differences(p);
            if (!diff.isEmpty()) throw new UserError("--resume " + resume + " does not match the parameters given: " + diff);
        }
        Diff2dProblem problem = resumed == null ? new Diff2dProblem(p) : resumed.problem();
        int nthreads = threads.get();
        Variant resumedVariant = resumed == null ? null : parseOrNull(resumed.variant());
        Variant v = variant.resolve(() -> resumedVariant != null && Solvers.LOCAL.contains(resumedVariant)
                ? resumedVariant : Solvers.fastest(problem, threads.get()));
        if (resumed != null && !threads.given()) nthreads = Math.min(MAX_THREADS, resumed.threads());
        AtomicFiles.requireDistinct("--save", save, "--gif", gif, "--checkpoint", checkpoint);
        AtomicFiles.requireDistinct("--save", save, "--resume", resume);
        AtomicFiles.requireDistinct("--gif", gif, "--resume", resume);
        AtomicFiles.requireWritable(save);
        AtomicFiles.requireWritable(gif);
        AtomicFiles.requireWritable(checkpoint);
        long everySteps = checkpointSchedule(problem, v);
        Diff2dOptions options = new Diff2dOptions(v, nthreads, depth);
        Diff2dRun.Start start = resumed == null ? Diff2dRun.Start.ZERO : resumed.start();

        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Diff2dRun.Result result;
        String kernel;
        double haloSeconds = -1;
        Checkpointer[] checkpointers = {null};   // set once the solver (and, under MPI, this rank) is known
        List<Diff2dRun.Observer> observers = new ArrayList<>();
        Signals.onImmediateStop(() -> Main.quietRank() ? null : stopLine("%SIGNAL%", -1, 0, checkpointers[0], observers));
        try (Solver solver = Solvers.create(problem, options)) {
            // with MPI only rank 0 prints and draws; the others take part in the gathers behind density()
            MpiSolver mpi = solver instanceof MpiSolver m ? m : null;
            boolean root = mpi == null || mpi.isRoot();
            if (root) {
                long firstFrame = start.resumed() ? start.step() / problem.nper + 1 : 0;
                observers.addAll(Pictures.observers(frames, gif, window || p.graphics(), err, firstFrame));
                ProgressObserver progress = ProgressObserver.ifTerminal("diff2d");
                if (progress != null) observers.add(progress);
            }
            if (mpi != null && mpi.fromRoot(!observers.isEmpty()) && !root) {
                observers.clear();
                observers.add(NO_PICTURES);
            }
            kernel = solver.kernel();
            Checkpointer checkpointer = checkpoint == null ? null
                    : new Checkpointer(checkpoint, everySteps, checkpointEverySeconds == null ? 0 : checkpointEverySeconds,
                            v.toString(), nthreads, mpi == null ? 1 : mpi.ranks(), root);
            checkpointers[0] = checkpointer;
            if (checkpointer != null && mpi != null && mpi.ranks() > 1) {   // one consistent cut: see Checkpointer
                checkpointer.agreeing(mpi::allMax, Checkpointer.agreementSteps(problem));
                Signals.ignoreRepeats(true);
                if (root) MpiStopNote.warnIfTooShort(err);
            }
            try (Signals.Section section = checkpointer == null ? null : Signals.cooperate()) {
                result = Diff2dRun.run(problem, solver, root ? out : null, observers, start,
                        checkpointer == null ? Diff2dRun.Control.NONE : checkpointer);
            } catch (Diff2dRun.Stopped stop) {
                out.flush();
                if (root) err.println(stopLine("SIG" + stop.signal.name(), stop.step, stop.simtime, checkpointer, observers));
                err.flush();
                if (mpi != null) mpi.barrier();   // no rank leaves before rank 0 has written and said so
                Signals.stoppedCleanly(stop.signal);
                return stop.signal.exitCode();
            }
            if (save != null && mpi != null) {
                mpi.save(save);   // every rank writes its block into one file (MPI-IO): no gather on rank 0
            } else if (save != null) {
                Field f = solver.density();
                Npy.write(save, f.size(), f.size(), f::row);
            }
            if (mpi != null) haloSeconds = mpi.haloSeconds();
            if (!root) return 0;
        } finally {
            Signals.onImmediateStop(null);
        }
        if (timing.on()) {
            double updates = problem.cellUpdates();
            double secs = result.computeSeconds();
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "grid=%dx%d nsteps=%d cell_updates=%.4g", problem.npnts, problem.npnts,
                    problem.nsteps, updates));
            if (secs > 0) {
                lines.add(String.format(Locale.ROOT, "gflops=%.3f (7 flops per cell update)", updates * 7 / secs * 1e-9));
                lines.add(String.format(Locale.ROOT, "gbytes_per_second=%.3f (16 bytes per cell update: one read and "
                        + "one write)", updates * 16 / secs * 1e-9));
            }
            if (result.firstSteps() > 0) {
                lines.add(String.format(Locale.ROOT, "first_call: %d steps in %.4g s; steady state (fastest call): %.4g s "
                        + "per step, %.4g s for the whole run", result.firstSteps(), result.firstSeconds(),
                        result.bestSecondsPerStep(), result.bestSecondsPerStep() * problem.nsteps));
            }
            if (haloSeconds >= 0 && problem.nsteps > 0) {
                lines.add(String.format(Locale.ROOT, "halo_seconds_per_step=%.3g (rank 0, included in compute_seconds)",
                        haloSeconds / problem.nsteps));
            }
            lines.addAll(jit.lines());
            timing.print(err, v, kernel, lines, secs);
        }
        return 0;
    }

    private static Variant parseOrNull(String name) {
        try {
            return Variant.parse(name);
        } catch (UserError e) {
            return null;
        }
    }

    /** Checks the checkpoint options; returns the steps between checkpoints by simulated time (0: none). */
    private long checkpointSchedule(Diff2dProblem problem, Variant v) {
        if (checkpoint == null) {
            if (checkpointEvery != null || checkpointEverySeconds != null) {
                throw new UserError("--checkpoint-every and --checkpoint-every-seconds need --checkpoint FILE.npz");
            }
            return 0;
        }
        if (v == Variant.MPI && checkpointEverySeconds != null) {
            throw new UserError("--checkpoint-every-seconds is not available for --variant mpi (clocks differ between ranks); "
                    + "use --checkpoint-every");
        }
        if (checkpointEvery != null && !(checkpointEvery > 0 && Double.isFinite(checkpointEvery))) {
            throw new UserError("--checkpoint-every must be a positive simulated time, got " + checkpointEvery);
        }
        if (checkpointEverySeconds != null && !(checkpointEverySeconds > 0 && Double.isFinite(checkpointEverySeconds))) {
            throw new UserError("--checkpoint-every-seconds must be a positive number of seconds, got " + checkpointEverySeconds);
        }
        return checkpointEvery == null ? 0 : Checkpointer.steps(problem, checkpointEvery);
    }

    /** The one line printed when a signal stops the run: what was kept, what was removed, how to resume. */
    private String stopLine(String signal, long step, double simtime, Checkpointer ck, List<Diff2dRun.Observer> observers) {
        StringBuilder s = new StringBuilder("jhpc diff2d: stopped by ").append(signal);
        if (step >= 0) s.append(" at step ").append(step).append(" (simtime ").append(PyFloat.repr(simtime)).append(")");
        s.append("; kept: ");
        List<String> kept = new ArrayList<>();
        if (ck != null && ck.lastStep() >= 0) kept.add("checkpoint " + ck.file() + " (step " + ck.lastStep() + ")");
        long frameCount = 0;
        for (Diff2dRun.Observer o : observers) if (o instanceof Pictures pic) frameCount += pic.framesWritten();
        if (frames != null && frameCount > 0) kept.add(frameCount + " frames in " + frames);
        s.append(kept.isEmpty() ? "nothing" : String.join(", ", kept));
        List<String> removed = new ArrayList<>();
        if (save != null) removed.add("--save");
        if (gif != null) removed.add("--gif");
        if (!removed.isEmpty()) s.append("; not written: ").append(String.join(", ", removed));
        if (ck != null && ck.lastStep() >= 0) {
            s.append("; resume with: jhpc diff2d --resume ").append(ck.file()).append(" --checkpoint ").append(ck.file());
        } else {
            s.append("; to resume later, run with --checkpoint FILE.npz");
        }
        return s.toString();
    }

    /** The observer of MPI ranks other than 0: draws nothing, but makes them join rank 0's density() gathers. */
    static final Diff2dRun.Observer NO_PICTURES = (pr, step, simtime, density) -> { };
}
