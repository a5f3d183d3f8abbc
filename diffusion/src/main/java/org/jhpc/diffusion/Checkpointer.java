package org.jhpc.diffusion;

import java.nio.file.Path;

/**
 * When a run writes its {@link Checkpoint}: every {@code everySteps} steps (from {@code --checkpoint-every T}:
 * max(1, int(T/dt)) steps, as diff2d.py turns outtime into nper), when {@code everySeconds} of wall time passed since
 * the last one, and once more when a signal stops the run. Never twice for the same step.
 */
public final class Checkpointer implements Diff2dRun.Control {
    private final Path file;
    private final long everySteps;
    private final long everyNanos;
    private final String variant;
    private final int threads;
    private long lastNanos = System.nanoTime();
    private long lastStep = -1;
    private volatile long written;

    /**
     * @param everySteps   0 = not by simulated time
     * @param everySeconds 0 = not by wall time
     */
    public Checkpointer(Path file, long everySteps, double everySeconds, String variant, int threads) {
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
        Checkpoint.write(file, p, variant, threads, 1, done, simtime, solver.density());
        lastStep = done;
        lastNanos = System.nanoTime();
        written++;
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
