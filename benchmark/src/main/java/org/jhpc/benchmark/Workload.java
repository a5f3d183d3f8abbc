package org.jhpc.benchmark;

import java.util.List;
import java.util.Map;

/** One of {@code jhpc bench}'s workloads: its cases, its rows, how its answers are checked and its rates counted. */
public interface Workload {
    String name();

    /** The slides' case(s), every row runs them. */
    List<Case> mainCases(BenchOptions o);

    /** The size sweep (the rows with {@link Row#inSweep()}). */
    List<Case> sweep(BenchOptions o);

    /** The rows that can run here; {@code skipped} gets one line per row that cannot, with the reason. */
    List<Row> rows(Context ctx, Map<String, String> skipped);

    /** The id of the row the ratio column divides by. */
    String baseRow();

    /** A reduced case for extrapolated rows: {@code which} 1 or 2, the second with about 3x the work. */
    Case reduce(Case full, int which);

    /** Checks one run's answer. */
    Answer check(Context ctx, Case c, Proc.Outcome o, Invocation inv);

    /**
     * True when every row's program times its own repetitions in one process and reports their median (expr's
     * evaluations, mpi's ping-pong round trips): --quick then runs each row once, its in-process median standing for
     * the warm figure, with no separate cold run.
     */
    default boolean repeatsInProcess() {
        return false;
    }

    /** How the rate columns count. */
    Rates rates();

    /**
     * What one unit of {@link Case#work()} costs.
     *
     * @param unit         "cell updates", "points", ...
     * @param flopsPerUnit flops per unit as the slides' code writes them (0: not counted)
     * @param bytesPerUnit bytes of memory traffic per unit at best (0: compute-bound, no bandwidth column)
     */
    record Rates(String unit, double flopsPerUnit, double bytesPerUnit) {}
}
