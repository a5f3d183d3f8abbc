package org.jhpc.cli;

import java.util.function.Supplier;
import org.jhpc.core.Variant;
import picocli.CommandLine.Option;

/** {@code --variant V}: the rung of the ladder, shared by the workload commands ({@code @Mixin}). */
public final class VariantOption {
    @Option(names = "--variant", paramLabel = "V", description = "the rung of the ladder: one of the variants "
            + "listed above (default: the fastest here, as said above); mpi: launch with mpirun, e.g. "
            + "mpirun --oversubscribe --bind-to none -np 4 ./jhpc ${COMMAND-NAME} --variant mpi")
    String name;

    /** The variant asked for, else {@code fastest}'s choice; a one-line error for an unknown name. */
    public Variant resolve(Supplier<Variant> fastest) {
        return name == null ? fastest.get() : Variant.parse(name);
    }
}
