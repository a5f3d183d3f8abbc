package org.jhpc.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What one {@code jhpc bench} run was asked for.
 *
 * @param workloads  diff2d, auc, expr, mpi (in this order)
 * @param out        the output directory
 * @param quick      fewer runs, smaller sweeps, no slow rows, no JMH
 * @param runs       warm runs per row and case (after the cold one)
 * @param only       row ids to run (empty: all)
 * @param root       the repository root (peers/ and ./jhpc are found from it)
 * @param peers      the peers' source directory (normally root/peers)
 * @param jhpc       the command that starts jhpc (["ROOT/jhpc"], or a java command line in tests)
 * @param deadline   per run: a run that takes longer is killed and reported
 * @param sweep      run the size sweep
 * @param jmh        run the JMH rows (needs bench/target/jmh.classpath)
 * @param tiny       tests: tiny cases (diff2d 32² x 50 steps, auc 1e5 points) and a two-size sweep
 */
public record BenchOptions(List<String> workloads, Path out, boolean quick, int runs, Set<String> only, Path root,
        Path peers, List<String> jhpc, Duration deadline, boolean sweep, boolean jmh, boolean tiny) {
    public BenchOptions {
        workloads = List.copyOf(workloads);
        only = Set.copyOf(only);
        jhpc = List.copyOf(jhpc);
    }

    public boolean wants(Row r) {
        if (!only.isEmpty() && !only.contains(r.id())) return false;
        return !(quick && r.slow()) || only.contains(r.id());
    }
}
