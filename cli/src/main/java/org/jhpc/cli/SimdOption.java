package org.jhpc.cli;

import org.jhpc.core.Simd;
import picocli.CommandLine.Option;

/** {@code --no-simd}: the command-line side of the one SIMD switch, {@link Simd} ({@code @Mixin}). */
public final class SimdOption {
    @Option(names = "--no-simd", description = "use the scalar kernels even where the Vector API is available "
            + "(as JHPC_SIMD=off)")
    boolean noSimd;

    /** Turns SIMD off for this JVM when --no-simd was given; call before any kernel is chosen. */
    public void apply() {
        if (noSimd) Simd.force(false);
    }
}
