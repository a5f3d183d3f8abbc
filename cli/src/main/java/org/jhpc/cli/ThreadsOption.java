package org.jhpc.cli;

import org.jhpc.core.Cpus;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --threads N}: the thread count of the parallel variants ({@code @Mixin}); each workload checks its range. */
public final class ThreadsOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--threads", paramLabel = "N", description = "threads for the parallel work (the default is the "
            + "available processors, honouring SLURM_CPUS_PER_TASK / SLURM_NPROCS and CPU affinity)")
    int threads = Cpus.defaultThreads();

    /** The count asked for, else the default. */
    public int get() {
        return threads;
    }

    /** Whether --threads was on the command line (a library with its own default keeps it otherwise). */
    public boolean given() {
        return mixee.commandLine().getParseResult().hasMatchedOption("--threads");
    }
}
