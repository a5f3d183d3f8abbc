package org.jhpc.auc;

import java.util.EnumSet;
import java.util.Set;
import org.jhpc.core.UserError;
import org.jhpc.core.Variant;

/**
 * The registry of auc variants: one case per {@link Variant}. Adding a variant is one class implementing
 * {@link Integrator} (usually over {@link PartialSum} and {@link org.jhpc.core.Ranges}), one case below and its name in
 * {@link #LOCAL}.
 */
public final class Integrators {
    private Integrators() {}

    /** Variants this registry builds (mpi: one rank of an mpirun job each). */
    public static final Set<Variant> LOCAL = EnumSet.of(Variant.LOOPS, Variant.SIMD, Variant.THREADS, Variant.EXPR,
            Variant.MPI);

    /** The default: threads when more than one thread is asked for, else simd. */
    public static Variant fastest(int threads) {
        return threads > 1 ? Variant.THREADS : Variant.SIMD;
    }

    /** Most threads a run may ask for (each is a platform thread). */
    public static final int MAX_THREADS = 4096;

    /** Builds the integrator for a variant; threads is used by the variants that run in parallel. */
    public static Integrator create(Variant variant, int threads) {
        if (threads < 1) throw new UserError("--threads must be at least 1, got " + threads);
        if (threads > MAX_THREADS) throw new UserError("--threads must be at most " + MAX_THREADS + ", got " + threads);
        return switch (variant) {
            case LOOPS -> new LoopsIntegrator();
            case SIMD -> new SimdIntegrator();
            case THREADS -> new ThreadsIntegrator(threads);
            case EXPR -> new ExprIntegrator(threads);
            case MPI -> MpiIntegrator.create();
            default -> throw new UserError("auc has no '" + variant + "' variant in this build (available: "
                    + Variant.names(LOCAL.toArray(Variant[]::new)) + ")");
        };
    }
}
