package org.jhpc.auc;

import java.util.Map;
import org.jhpc.core.CompensatedSum;
import org.jhpc.expr.Expr;
import org.jhpc.expr.NdArray;

/**
 * The slides' exercise "use numexpr to parallelize auc_vector.py": the grid x_i = i·dx is filled one chunk of
 * {@link #CHUNK} points at a time (so memory stays bounded for any ntot) and the expression engine reduces
 * {@code sum(0.7*x*x*x - 2*x*x + 4)} over the chunk, in blocks, on its threads. The chunk sums are added with
 * Kahan compensation and the total is multiplied by dx. Deterministic: the engine's sum does not depend on the
 * thread count (it combines per-block partials in block order).
 */
final class ExprIntegrator implements Integrator {
    static final String EXPRESSION = "sum(0.7*x*x*x - 2*x*x + 4)";
    static final int CHUNK = 1 << 20;

    private final Expr expr = Expr.compile(EXPRESSION);
    private final int threads;
    private final int oldThreads;

    ExprIntegrator(int threads) {
        this.threads = threads;
        this.oldThreads = Expr.setNumThreads(threads);
    }

    @Override
    public double area(long ntot) {
        double dx = Integrand.dx(ntot);
        double[] x = new double[(int) Math.min(CHUNK, ntot)];
        CompensatedSum sum = new CompensatedSum();
        for (long i0 = 0; i0 < ntot; i0 += CHUNK) {
            int m = (int) Math.min(CHUNK, ntot - i0);
            for (int k = 0; k < m; k++) x[k] = (i0 + k) * dx;
            double part = expr.evaluate(Map.of("x", NdArray.of(x).slice(0, m))).getDouble(0);
            sum.add(part);
        }
        return sum.total() * dx;
    }

    @Override
    public String kernel() {
        return "expr engine: '" + EXPRESSION + "' over chunks of " + CHUNK + " points, " + threads
                + " thread" + (threads == 1 ? "" : "s");
    }

    /** Restores the engine's (process-wide) thread count. */
    @Override
    public void close() {
        Expr.setNumThreads(oldThreads);
    }
}
