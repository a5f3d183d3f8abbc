package org.jhpc.cli;

import org.jhpc.core.Simd;
import picocli.CommandLine.Option;

/** {@code --no-simd}: the command-line side of the one SIMD switch, {@link Simd} ({@code @Mixin}). */
public final class SimdOption {
    @Option(names = "--no-simd", description = "use the scalar kernels even where the Vector API is available "
            + "(as JHPC_SIMD=off)")
    boolean noSimd;

    /**
     * Sets the switch from this command line: off with --no-simd, else back to the environment's choice (so that a
     * command run in-process after one with --no-simd, as tests and the tutorial's tools do, is not left scalar).
     * Call before any kernel is chosen.
     */
    public void apply() {
        Simd.force(noSimd ? Boolean.FALSE : null);
    }
}
