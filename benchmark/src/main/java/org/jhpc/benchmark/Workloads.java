package org.jhpc.benchmark;

import java.util.List;
import org.jhpc.core.UserError;

/** The workloads by name, in the order {@code all} runs them. */
public final class Workloads {
    private Workloads() {}

    public static final List<String> NAMES = List.of("diff2d", "auc", "expr", "mpi");

    public static Workload byName(String name) {
        return switch (name) {
            case "diff2d" -> new Diff2dWorkload();
            case "auc" -> new AucWorkload();
            case "expr" -> new ExprWorkload();
            case "mpi" -> new MpiWorkload();
            default -> throw new UserError("unknown workload '" + name + "' (expected diff2d, auc, expr, mpi, all or model)");
        };
    }
}
