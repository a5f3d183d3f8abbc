package org.jhpc.diffusion;

import java.util.Map;
import org.jhpc.expr.Expr;
import org.jhpc.expr.NdArray;

/**
 * The slides' {@code diff2d_numexpr.py}: the grid is ravelled to 1-D and the step is one expression over five
 * shifted views of the same buffer, written through an {@code out=} view of the next grid:
 * <pre>
 *   densC = dens[n:-n]      densL = dens[n-1:-n-1]   densR = dens[n+1:-n+1]
 *   densU = dens[0:-2n]     densD = dens[2n:]        out   = densnext[n:-n]
 *   densC + coef*(densD+densU+densR+densL-4*densC)          coef = (D/dx**2)*dt, bound as a scalar
 * </pre>
 * The expression keeps {@link Stencil}'s operation order (down, up, right, left, minus 4·centre), so the result
 * is bit-identical to the other variants. Because the ravelled views wrap around rows, the update also writes
 * the first and last column of every interior row (with values mixing two rows); those boundary cells are reset
 * to zero after each step, which restores the Dirichlet boundary the other variants never touch.
 */
final class ExprSolver implements Solver {
    static final String EXPRESSION = "densC + coef*(densD+densU+densR+densL-4*densC)";

    private final int n;
    private final Expr expr;
    private final int threads;
    private final int oldThreads;
    private double[] cur;
    private double[] next;
    private Expr.Prepared step;       // cur -> next
    private Expr.Prepared back;       // next -> cur

    ExprSolver(Diff2dProblem p, int threads) {
        n = p.npnts;
        this.threads = threads;
        cur = new double[Math.toIntExact(p.points())];
        next = new double[cur.length];
        for (int i = 1; i < n - 1; i++) p.initialRow(i, cur, i * n);
        expr = Expr.compile(EXPRESSION);
        oldThreads = Expr.setNumThreads(threads);
        step = expr.prepare(views(cur, p.coef), NdArray.of(next).slice(n, -n));
        back = expr.prepare(views(next, p.coef), NdArray.of(cur).slice(n, -n));
    }

    private Map<String, Object> views(double[] grid, double coef) {
        NdArray dens = NdArray.of(grid).reshape(n, n).ravel();
        return Map.of("densC", dens.slice(n, -n), "densL", dens.slice(n - 1, -n - 1), "densR", dens.slice(n + 1, -n + 1),
                "densU", dens.slice(0, -2 * n), "densD", dens.slice(2 * n, Integer.MAX_VALUE), "coef", coef);
    }

    @Override
    public void advance(long steps) {
        for (long s = 0; s < steps; s++) {
            step.run();
            for (int i = 1; i < n - 1; i++) {
                next[i * n] = 0;
                next[i * n + n - 1] = 0;
            }
            double[] t = cur;
            cur = next;
            next = t;
            Expr.Prepared e = step;
            step = back;
            back = e;
        }
    }

    /** Restores the engine's thread count (a process-wide setting, as numexpr's set_num_threads is). */
    @Override
    public void close() {
        Expr.setNumThreads(oldThreads);
    }

    @Override
    public Field density() {
        return Field.ofFlat(cur, n);
    }

    @Override
    public String kernel() {
        return "expr engine: '" + EXPRESSION + "' over 5 shifted views, " + threads + " thread" + (threads == 1 ? "" : "s");
    }
}
