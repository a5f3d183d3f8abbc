package org.jhpc.diffusion;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.jhpc.core.Variant;

/** Runs a problem on one variant in-process and keeps what it printed and its final field. */
final class Diff2dTesting {
    private Diff2dTesting() {}

    record Outcome(String printed, double[] field, int n) {}

    static Diff2dParams params(String... sets) {
        Diff2dParams p = Diff2dParams.defaults();
        for (String s : sets) p = p.withAssignment(s);
        return p;
    }

    static Outcome run(Diff2dProblem p, Variant v, int threads, int depth) {
        StringWriter sw = new StringWriter();
        try (Solver s = Solvers.create(p, new Diff2dOptions(v, threads, depth))) {
            Diff2dRun.run(p, s, new PrintWriter(sw), List.of());
            Field f = s.density();
            int n = f.size();
            double[] out = new double[n * n];
            double[] row = new double[n];
            for (int i = 0; i < n; i++) {
                f.row(i, row);
                System.arraycopy(row, 0, out, i * n, n);
            }
            return new Outcome(sw.toString(), out, n);
        }
    }

    static double maxAbsDiff(double[] a, double[] b) {
        if (a.length != b.length) throw new AssertionError("sizes differ: " + a.length + " vs " + b.length);
        double m = 0;
        for (int k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] - b[k]));
        return m;
    }
}
