package org.jhpc.diffusion;

import java.io.PrintWriter;
import java.util.List;
import org.jhpc.core.PyFloat;

/**
 * The time loop of {@code diff2d.py}, apart from how steps are computed: print {@code simtime} at the start and
 * after every {@code nper} steps (as Python's {@code print} does, flushed line by line), accumulating
 * {@code simtime += dt} once per step, and hand the density to the observers (pictures, window) at each printed
 * time. Only the solver's {@code advance} calls are timed.
 */
public final class Diff2dRun {
    private Diff2dRun() {}

    /** Something that wants the density at each printed time (frames, GIF, window, progress). */
    public interface Observer {
        /** Called at step 0 and after every nper steps; the field is valid only during the call. */
        void output(Diff2dProblem p, long step, double simtime, Field density);

        /** Called as the run progresses (between printed times too when {@link #wantsProgress()}). */
        default void progress(long step, long nsteps) {}

        /** Whether this observer needs {@link #progress} more often than at printed times. */
        default boolean wantsProgress() {
            return false;
        }

        /** Called once after the last step. */
        default void finish() {}

        /** Called instead of {@link #finish()} when the run fails: discard partial outputs. */
        default void abort() {}
    }

    /**
     * What a run measured: seconds spent advancing the solver, the final simulation time, and for the cold-start
     * picture the first {@code advance} call (steps and seconds: JIT warm-up shows here) and the fastest seconds per
     * step of any call (the steady state, once compiled).
     */
    public record Result(double computeSeconds, double simtime, long firstSteps, double firstSeconds,
                         double bestSecondsPerStep) {}

    /**
     * Where a run starts: step 0 at simtime 0, or a checkpoint's step and simtime (bit-exact). A resumed run prints
     * and draws only the output times after {@code step} (those up to it were printed before the checkpoint was
     * written), exactly as the uninterrupted run prints them.
     */
    public record Start(long step, double simtime, boolean resumed) {
        public static final Start ZERO = new Start(0, 0.0, false);
    }

    /**
     * Checkpointing and clean stops, consulted between steps: the loop never advances past {@link #nextStop} in one
     * call, calls {@link #after} after every advance, and stops (throwing {@link Stopped}) when a signal arrived.
     */
    public interface Control {
        /** The first step after {@code done} at which {@link #after} must run (Long.MAX_VALUE: none). */
        long nextStop(long done);

        /** Called after each advance with the solver's state at step {@code done}; {@code last}: a stop follows. */
        void after(Diff2dProblem p, long done, double simtime, Solver solver, boolean last);

        /** Whether advances should be kept short (about 0.2 s), so that a signal or a wall-clock deadline is seen soon. */
        default boolean responsive() {
            return true;
        }

        /**
         * The signal that asks the run to stop at step {@code done}, or null. Called after every advance; under MPI it
         * may be collective (the ranks agree), so it must be called at the same steps on every rank.
         */
        default org.jhpc.core.Signals.Caught stopRequested(long done) {
            return org.jhpc.core.Signals.caught();
        }

        Control NONE = new Control() {
            @Override public long nextStop(long done) { return Long.MAX_VALUE; }
            @Override public void after(Diff2dProblem p, long done, double simtime, Solver solver, boolean last) {}
            @Override public boolean responsive() { return false; }
            @Override public org.jhpc.core.Signals.Caught stopRequested(long done) { return null; }
        };
    }

    /** The run stopped at {@code step} (simtime {@code simtime}) because of {@code signal}. */
    public static final class Stopped extends RuntimeException {
        public final long step;
        public final double simtime;
        public final org.jhpc.core.Signals.Caught signal;

        Stopped(long step, double simtime, org.jhpc.core.Signals.Caught signal) {
            super("stopped by SIG" + signal.name() + " at step " + step, null, false, false);
            this.step = step;
            this.simtime = simtime;
            this.signal = signal;
        }
    }

    public static Result run(Diff2dProblem p, Solver solver, PrintWriter out, List<Observer> observers) {
        return run(p, solver, out, observers, Start.ZERO, Control.NONE);
    }

    public static Result run(Diff2dProblem p, Solver solver, PrintWriter out, List<Observer> observers, Start start,
                             Control control) {
        try {
            Result r = loop(p, solver, out, observers, start, control);
            for (Observer o : observers) o.finish();
            return r;
        } catch (RuntimeException | Error e) {
            for (Observer o : observers) o.abort();
            throw e;
        }
    }

    /** simtime after {@code steps} steps: dt added once per step from 0, as diff2d.py accumulates it. */
    public static double simtimeAt(Diff2dProblem p, long steps) {
        double t = 0 * p.dt;
        for (long s = 0; s < steps; s++) t += p.dt;
        return t;
    }

    private static Result loop(Diff2dProblem p, Solver solver, PrintWriter out, List<Observer> observers,
                               Start start, Control control) {
        Warmup.stop();
        double simtime = start.simtime();
        long done = start.step();
        if (!start.resumed()) emit(p, 0, simtime, solver, out, observers);
        // Advance from one printed time to the next in one call (threads meet once per call), or in 1/200ths of
        // the run when a progress bar is shown, or in about 0.2 s of work when signals and clocks must be seen.
        boolean fine = observers.stream().anyMatch(Observer::wantsProgress);
        long chunk = fine ? Math.max(1, p.nsteps / 200) : Long.MAX_VALUE;
        boolean responsive = control.responsive();
        long cap = responsive ? Math.max(1, (long) ((1 << 22) / Math.max(1.0, (double) p.nrows * p.nrows))) : Long.MAX_VALUE;
        long nanos = 0;
        long firstSteps = 0;
        long firstNanos = 0;
        double best = Double.POSITIVE_INFINITY;
        while (done < p.nsteps) {
            long toOutput = p.nper - done % p.nper;
            long k = Math.min(Math.min(toOutput, chunk), p.nsteps - done);
            k = Math.min(k, cap);
            long stop = control.nextStop(done);
            if (stop > done) k = Math.min(k, stop - done);
            long t0 = System.nanoTime();
            solver.advance(k);
            long dtNanos = System.nanoTime() - t0;
            nanos += dtNanos;
            if (responsive) {   // aim at 0.2 s per advance from the rate just measured
                double perStep = Math.max(1.0, (double) dtNanos / k);
                cap = Math.max(1, Math.min(Long.MAX_VALUE / 4, (long) (2e8 / perStep)));
            }
            if (firstSteps == 0) {
                firstSteps = k;
                firstNanos = dtNanos;
            }
            best = Math.min(best, dtNanos * 1e-9 / k);
            for (long s = 0; s < k; s++) simtime += p.dt;
            done += k;
            for (Observer o : observers) o.progress(done, p.nsteps);
            if (done % p.nper == 0) emit(p, done, simtime, solver, out, observers);
            org.jhpc.core.Signals.Caught sig = control.stopRequested(done);
            control.after(p, done, simtime, solver, sig != null);
            if (sig != null && done < p.nsteps) throw new Stopped(done, simtime, sig);
        }
        return new Result(nanos * 1e-9, simtime, firstSteps, firstNanos * 1e-9, firstSteps == 0 ? 0 : best);
    }

    private static void emit(Diff2dProblem p, long step, double simtime, Solver solver, PrintWriter out,
                             List<Observer> observers) {
        if (out != null) {
            out.print(PyFloat.repr(simtime));
            out.print('\n');
            out.flush();
        }
        if (!observers.isEmpty()) {
            Field f = solver.density();
            for (Observer o : observers) o.output(p, step, simtime, f);
        }
    }
}
