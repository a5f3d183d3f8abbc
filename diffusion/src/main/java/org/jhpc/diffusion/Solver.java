package org.jhpc.diffusion;

/**
 * One rung of the implementation ladder for diff2d. A solver owns the density storage and advances it by whole
 * time steps; how a row range is updated lives in the kernels ({@link Stencil}, {@link SimdStencil}), which rows
 * and which thread or rank is the solver's business (the schedule).
 */
public interface Solver extends AutoCloseable {
    /** Advances the density by {@code steps ≥ 0} explicit time steps. */
    void advance(long steps);

    /** The current density (a view, valid until the next {@link #advance}). */
    Field density();

    /** The kernel that runs, for {@code --timing}: e.g. {@code simd 512-bit (8 doubles), wavefront depth 8}. */
    String kernel();

    /** Releases threads or native resources. */
    @Override
    default void close() {}
}
