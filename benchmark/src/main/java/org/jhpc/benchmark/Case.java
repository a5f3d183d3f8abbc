package org.jhpc.benchmark;

import java.util.List;

/**
 * One problem size of a workload.
 *
 * @param workload diff2d, auc, expr or mpi
 * @param label    how tables name it ("default", "256²", "1e7")
 * @param n        the size: interior grid points per side (diff2d), points (auc), array length (expr), bytes (mpi)
 * @param steps    time steps (diff2d), else 1
 * @param args     the arguments every program of the workload takes for this case (diff2d: --set NAME=VALUE pairs)
 * @param work     the units the rate counts: cell updates (n²·steps), points, elements or messages
 * @param sweep    part of the size sweep (false: the slides' default case)
 */
public record Case(String workload, String label, long n, long steps, List<String> args, double work, boolean sweep) {
    public Case {
        args = List.copyOf(args);
    }

    /** A key that tells cases with different answers apart (references are cached by it). */
    public String key() {
        return workload + ":" + String.join(" ", args);
    }
}
