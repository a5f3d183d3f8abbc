package org.jhpc.diffusion;

import java.nio.file.Path;
import java.util.function.IntUnaryOperator;
import org.jhpc.core.Signals;

/**
 * When a run writes its {@link Checkpoint}: every {@code everySteps} steps (from {@code --checkpoint-every T}:
 * max(1, int(T/dt)) steps, as diff2d.py turns outtime into nper), when {@code everySeconds} of wall time passed since
 * the last one, and once more when a signal stops the run. Never twice for the same step.
 *
 * <p>Under MPI ({@code ranks > 1}) the checkpoints are one consistent cut: they fall on the same steps on every rank
 * (by simulated time only: wall clocks differ between ranks), every rank takes part in the gather behind
 * {@link Solver#density()}, and rank 0 alone writes the one file, which any rank count, or a serial run, resumes.
 * A signal reaches the ranks at different moments (or only some of them), so they agree when to stop
 * ({@link #agreeing}): every {@link #agreementSteps} steps, the same steps on every rank, each contributes the number
 * of the signal it caught (0: none) to an allreduce(MAX); a non-zero result stops every rank at that step, where
 * the last checkpoint is written. The cost is one small allreduce per about 8 million cell updates.
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
    private IntUnaryOperator allMax;
    private long agreeEvery;

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

    /**
     * Under MPI: {@code allMax} is a collective allreduce(MAX) of one int over the ranks, called at every multiple of
     * {@code every} steps on every rank (from {@link #agreementSteps}, which every rank computes alike).
     */
    public Checkpointer agreeing(IntUnaryOperator allMax, long every) {
        if (every < 1) throw new IllegalArgumentException("agreement every " + every + " steps");
        this.allMax = allMax;
        this.agreeEvery = every;
        return this;
    }

    /** Steps between the ranks' agreements on a stop: about 2^23 cell updates, at least 1 (the same on every rank). */
    public static long agreementSteps(Diff2dProblem p) {
        return Math.max(1, (1L << 23) / Math.max(1L, (long) p.nrows * p.nrows));
    }

    @Override
    public long nextStop(long done) {
        long next = everySteps <= 0 ? Long.MAX_VALUE : multipleAfter(done, everySteps);
        return allMax == null ? next : Math.min(next, multipleAfter(done, agreeEvery));
    }

    private static long multipleAfter(long done, long every) {
        long next = (done / every + 1) * every;
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

    /**
     * Serially: the signal caught, if any. Under MPI: at the agreement steps, the signal with the highest number any
     * rank caught (collective); at other steps null, so that every rank stops at the same step.
     */
    @Override
    public Signals.Caught stopRequested(long done) {
        if (ranks == 1) return Signals.caught();
        if (allMax == null || done % agreeEvery != 0) return null;
        Signals.Caught mine = Signals.caught();
        int agreed = allMax.applyAsInt(mine == null ? 0 : mine.number());
        if (agreed == 0) return null;
        return mine != null && mine.number() == agreed ? mine : Signals.ofNumber(agreed);
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
