package org.jhpc.diffusion;

import org.jhpc.core.Variant;

/**
 * How to run a problem: the rung of the ladder, the thread count (threads and expr variants) and the temporal
 * blocking depth (simd and threads; 0 = automatic, 1 = none).
 */
public record Diff2dOptions(Variant variant, int threads, int depth) {
    public Diff2dOptions {
        if (threads < 1) throw new org.jhpc.core.UserError("--threads must be >= 1, got " + threads);
        if (depth < 0) throw new org.jhpc.core.UserError("--depth must be >= 0 (0 = automatic), got " + depth);
    }
}
