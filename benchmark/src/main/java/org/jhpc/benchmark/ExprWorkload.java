package org.jhpc.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * expr: the slides' numexpr example, {@code a**2 + b**2 + 2*a*b} on two arrays of 3e6 doubles, per evaluation
 * (each program's own median over repeated evaluations; jhpc: the fused tier of {@code jhpc expr --bench}), plus a
 * sweep 3e5 and 3e7; and per dtype (float64, float32, int64, int32, bool) an arithmetic expression
 * ({@code 2*a + 3*b*c}, bool {@code a & b | ~c}) and a comparison ({@code where(a < b, a, c)}, bool
 * {@code where(a, b, c)}) on three arrays of 3e6 elements of that dtype. Operands are {@link ExprData}'s, the same
 * in every program, and every answer's checksum must equal {@link ExprData#checksum} exactly. Rates count the slides'
 * case: 6 flops and 24 bytes (two reads, one write) per element.
 */
public final class ExprWorkload implements Workload {
    static final String EXPRESSION = "a**2 + b**2 + 2*a*b";

    @Override
    public String name() {
        return "expr";
    }

    @Override
    public String baseRow() {
        return "numpy";
    }

    @Override
    public Rates rates() {
        return new Rates("elements", 6, 24);
    }

    static Case size(long n, boolean sweep) {
        return new Case("expr", String.format(Locale.ROOT, "%.0e%s", (double) n, sweep ? "" : " (slides)"), n, 1,
                List.of(String.valueOf(n), "float64", EXPRESSION), n, sweep);
    }

    /** One per-dtype case: {@code expr} on arrays of n elements of {@code dtype}. */
    static Case dtypeCase(long n, String dtype, String expr) {
        return new Case("expr", String.format(Locale.ROOT, "%s `%s` %.0e", dtype, expr, (double) n), n, 1,
                List.of(String.valueOf(n), dtype, expr), n, false);
    }

    @Override
    public List<Case> mainCases(BenchOptions o) {
        long n = o.tiny() ? 10_000 : 3_000_000;
        List<Case> cases = new ArrayList<>(List.of(size(n, false)));
        for (String t : ExprData.DTYPES) {
            cases.add(dtypeCase(n, t, ExprData.arithmetic(t)));
            cases.add(dtypeCase(n, t, ExprData.comparison(t)));
        }
        return cases;
    }

    @Override
    public List<Case> sweep(BenchOptions o) {
        return o.quick() || o.tiny() ? List.of() : List.of(size(300_000, true), size(30_000_000, true));
    }

    @Override
    public Case reduce(Case full, int which) {
        return full;
    }

    @Override
    public List<Row> rows(Context ctx, Map<String, String> skipped) {
        List<Row> rows = new ArrayList<>();
        int cores = ctx.machine.cores();
        String reps = ctx.options.quick() ? "5" : "21";
        for (String mode : List.of("numpy", "numexpr")) {
            var missing = ctx.tools.missingPython(mode);
            if (missing.isPresent()) {
                skipped.put(mode, "skipped: " + missing.get());
                continue;
            }
            String py = ctx.tools.python.orElseThrow().toString();
            List<Integer> threads = mode.equals("numpy") ? List.of(1) : ctx.threadCounts();
            for (int t : threads) {
                String id = mode.equals("numpy") ? "numpy" : "numexpr-" + t;
                Map<String, String> env = mode.equals("numpy") ? Map.of() : Map.of("NUMEXPR_NUM_THREADS", String.valueOf(t));
                rows.add(new Row(id, mode.equals("numpy") ? "numpy" : "numexpr, " + t + " thr", "Python", Row.Kind.PEER, t, 1,
                        false, false, true, py + " " + mode + " " + ctx.tools.pythonPackages.get(mode) + (env.isEmpty() ? "" : " " + env),
                        (c, dir) -> new Invocation(List.of(py, ctx.peer("python/expr_peers.py").toString(), mode, c.args().get(0), reps,
                                c.args().get(1), c.args().get(2)), env, null)));
            }
        }
        for (int t : ctx.threadCounts()) {
            rows.add(new Row("jhpc-expr-" + t, "jhpc expr, " + t + " thr", "Java (jhpc)", Row.Kind.JHPC, t, 1,
                    false, false, true, Jmh.launcherFlags(), (c, dir) -> Invocation.of(ctx.jhpc(List.of("expr", "--bench",
                            c.args().get(2), "--size", c.args().get(0), "--dtype", c.args().get(1), "--threads", String.valueOf(t))))));
        }
        return rows;
    }

    @Override
    public Answer check(Context ctx, Case c, Proc.Outcome o, Invocation inv) {
        double got = Parse.number(Parse.keyValues(o.out()).get("checksum"));
        double ref = ExprData.checksum(c.args().get(2), c.args().get(1), c.n());
        if (Double.isNaN(got)) return Answer.no("no 'checksum=' line");
        String d = String.format(Locale.ROOT, "checksum %s, exact %s", Double.toString(got), Double.toString(ref));
        return new Answer(got == ref, d, got);
    }

    @Override
    public boolean repeatsInProcess() {
        return true;
    }
}
