package org.jhpc.diffusion;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jhpc.core.UserError;
import org.jhpc.core.Variant;
import org.jhpc.diffusion.mpi.MpiSolver;

/**
 * The registry of diff2d solvers: one case per {@link Variant} (Devito's operator registry, in miniature). It also
 * refuses, before allocating anything, grids that cannot fit the JVM's heap or Java's array limit.
 */
public final class Solvers {
    private Solvers() {}

    /** Variants that run in one process (mpi runs as ranks of an mpirun job; a lone process is one rank). */
    public static final Set<Variant> LOCAL = EnumSet.of(Variant.LISTS, Variant.LOOPS, Variant.FLAT, Variant.SIMD,
            Variant.THREADS, Variant.EXPR);

    /**
     * Cell updates below which one SIMD thread finishes first: a fresh JVM spends about 0.05 s more warming up the
     * team's code than the second core saves on the slides' default case (2.4e8 updates: simd 0.07 s, threads
     * 0.09 s, cold; warm 0.067 s vs 0.041 s). Measured break-even on 2 cores: about 1e9 updates.
     */
    static final double THREADS_FROM_UPDATES = 1e9;

    /** The fastest variant for this run here and now ({@link #fastest(Diff2dProblem, int, boolean)}). */
    public static Variant fastest(Diff2dProblem p, int threads) {
        return fastest(p, threads, threads > 1 && org.jhpc.core.Cpus.busy());
    }

    /**
     * The fastest variant: threads for long runs on more than one core of a machine that is not already busy, else
     * simd. On a busy machine (load average at least the core count) each step's barrier waits for a preempted
     * thread: measured on 2 cores at load 20-24, dx=0.05, threads on 2 threads took 2.2x its 1-thread time
     * (bench/results/speed-*).
     */
    public static Variant fastest(Diff2dProblem p, int threads, boolean busy) {
        return threads > 1 && !busy && p.cellUpdates() >= THREADS_FROM_UPDATES ? Variant.THREADS : Variant.SIMD;
    }

    public static Solver create(Diff2dProblem p, Diff2dOptions o) {
        checkMemory(p, o.variant(), o.threads());
        return switch (o.variant()) {
            case LISTS -> new ListsSolver(p);
            case LOOPS -> new LoopsSolver(p);
            case FLAT -> new FlatSolver(p);
            case SIMD -> new SimdSolver(p, o.depth());
            // more threads than rows would only wait at the barriers: at most one per row
            case THREADS -> new ThreadsSolver(p, Math.min(o.threads(), Math.max(1, p.nrows)), o.depth());
            case EXPR -> new ExprSolver(p, o.threads());
            case MPI -> MpiSolver.create(p);
        };
    }

    /** Bytes of heap a variant needs for an npnts × npnts grid (estimates for the boxed one). */
    static double bytesNeeded(Diff2dProblem p, Variant v, int threads) {
        double pts = p.points();
        return switch (v) {
            case LISTS -> pts * 3 * (8 + 16);        // three grids of references to 16-byte Double objects
            case LOOPS -> pts * 3 * 8;
            case THREADS -> pts * 2 * 8 + 2.0 * threads * 40 * p.npnts * 8;
            default -> pts * 2 * 8;
        };
    }

    static void checkMemory(Diff2dProblem p, Variant v, int threads) {
        if (v != Variant.LISTS && v != Variant.LOOPS && p.points() > Integer.MAX_VALUE - 16) {
            throw new UserError("grid of " + p.npnts + "x" + p.npnts + " points exceeds Java's 2^31-element array "
                    + "limit for variant " + v + "; use a larger dx");
        }
        Runtime rt = Runtime.getRuntime();
        double free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        double need = bytesNeeded(p, v, threads);
        if (need > 0.95 * free) {
            throw new UserError(String.format(Locale.ROOT, "grid of %dx%d points needs about %.0f MiB for variant %s but only %.0f "
                    + "MiB of heap is available (use a larger dx, or raise -Xmx through JHPC_JAVA_OPTS)",
                    p.npnts, p.npnts, need / (1 << 20), v, free / (1 << 20)));
        }
    }
}
