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

    public static Result run(Diff2dProblem p, Solver solver, PrintWriter out, List<Observer> observers) {
        try {
            Result r = loop(p, solver, out, observers);
            for (Observer o : observers) o.finish();
            return r;
        } catch (RuntimeException | Error e) {
            for (Observer o : observers) o.abort();
            throw e;
        }
    }

    private static Result loop(Diff2dProblem p, Solver solver, PrintWriter out, List<Observer> observers) {
        Warmup.stop();
        double simtime = 0 * p.dt;
        emit(p, 0, simtime, solver, out, observers);
        // Advance from one printed time to the next in one call (threads meet once per call), or in 1/200ths of
        // the run when a progress bar is shown.
        boolean fine = observers.stream().anyMatch(Observer::wantsProgress);
        long chunk = fine ? Math.max(1, p.nsteps / 200) : Long.MAX_VALUE;
        long nanos = 0;
        long done = 0;
        long firstSteps = 0;
        long firstNanos = 0;
        double best = Double.POSITIVE_INFINITY;
        while (done < p.nsteps) {
            long toOutput = p.nper - done % p.nper;
            long k = Math.min(Math.min(toOutput, chunk), p.nsteps - done);
            long t0 = System.nanoTime();
            solver.advance(k);
            long dt = System.nanoTime() - t0;
            nanos += dt;
            if (done == 0) {
                firstSteps = k;
                firstNanos = dt;
            }
            best = Math.min(best, dt * 1e-9 / k);
            for (long s = 0; s < k; s++) simtime += p.dt;
            done += k;
            for (Observer o : observers) o.progress(done, p.nsteps);
            if (done % p.nper == 0) emit(p, done, simtime, solver, out, observers);
        }
        return new Result(nanos * 1e-9, simtime, firstSteps, firstNanos * 1e-9, done == 0 ? 0 : best);
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
