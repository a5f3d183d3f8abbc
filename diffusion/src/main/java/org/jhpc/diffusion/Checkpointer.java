package org.jhpc.diffusion;

import java.nio.file.Path;

/**
 * When a run writes its {@link Checkpoint}: every {@code everySteps} steps (from {@code --checkpoint-every T}:
 * max(1, int(T/dt)) steps, as diff2d.py turns outtime into nper), when {@code everySeconds} of wall time passed since
 * the last one, and once more when a signal stops the run. Never twice for the same step.
 *
 * <p>Under MPI ({@code ranks > 1}) the checkpoints are one consistent cut: they fall on the same steps on every rank
 * (by simulated time only: wall clocks differ between ranks), every rank takes part in the gather behind
 * {@link Solver#density()}, and rank 0 alone writes the one file, which any rank count, or a serial run, resumes.
 */
public final class Checkpointer implements Diff2dRun.Control {
    private final Path file;
    private final long everySteps;
    private final long everyNanos;
    private final String variant;
    private final int threads;
    private long lastNanos = System.nanoTime();
    private long lastStep = -1;
    private final int ranks;
    private final boolean root;
    private volatile long written;

    /**
     * @param everySteps   0 = not by simulated time
     * @param everySeconds 0 = not by wall time
     */
    public Checkpointer(Path file, long everySteps, double everySeconds, String variant, int threads) {
        this(file, everySteps, everySeconds, variant, threads, 1, true);
    }

    /** For an MPI job of {@code ranks} ranks; {@code root}: this is rank 0, which writes. */
    public Checkpointer(Path file, long everySteps, double everySeconds, String variant, int threads, int ranks,
                        boolean root) {
        if (ranks > 1 && everySeconds > 0) throw new org.jhpc.core.UserError(
                "--checkpoint-every-seconds is not available for --variant mpi (clocks differ between ranks); use --checkpoint-every");
        this.ranks = ranks;
        this.root = root;
        this.file = file;
        this.everySteps = everySteps;
        this.everyNanos = everySeconds > 0 ? Math.max(1, (long) (everySeconds * 1e9)) : 0;
        this.variant = variant;
        this.threads = threads;
    }

    /** Steps between checkpoints for a simulated-time interval {@code t > 0}: max(1, int(t/dt)). */
    public static long steps(Diff2dProblem p, double t) {
        double k = t / p.dt;
        if (!(k < 0x1p62)) return Long.MAX_VALUE / 2;
        return Math.max(1, (long) k);
    }

    @Override
    public long nextStop(long done) {
        if (everySteps <= 0) return Long.MAX_VALUE;
        long next = (done / everySteps + 1) * everySteps;
        return next <= 0 ? Long.MAX_VALUE : next;
    }

    @Override
    public void after(Diff2dProblem p, long done, double simtime, Solver solver, boolean last) {
        boolean due = last
                || (everySteps > 0 && done % everySteps == 0)
                || (everyNanos > 0 && System.nanoTime() - lastNanos >= everyNanos);
        if (!due || done == lastStep) return;
        Field f = solver.density();   // collective under MPI: every rank calls it at the same steps
        if (root) Checkpoint.write(file, p, variant, threads, ranks, done, simtime, f);
        lastStep = done;
        lastNanos = System.nanoTime();
        written++;
    }

    /** Under MPI, advances are not cut by the clock: ranks must not disagree on anything but the step count. */
    @Override
    public boolean responsive() {
        return ranks == 1;
    }

    @Override
    public org.jhpc.core.Signals.Caught stopRequested() {
        return ranks == 1 ? org.jhpc.core.Signals.caught() : null;
    }

    /** The step of the last checkpoint written by this run, or -1. */
    public long lastStep() {
        return lastStep;
    }

    public long written() {
        return written;
    }

    public Path file() {
        return file;
    }
}
