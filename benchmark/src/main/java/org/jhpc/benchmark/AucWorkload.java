package org.jhpc.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jhpc.auc.ExactLeftSum;

/**
 * auc: the slides' 3e7 points and a sweep over 1e5..1e9. A run agrees when its area is within a relative 1e-9 of the
 * exact left Riemann sum ({@link ExactLeftSum}); the serial loops' {@code x += dx} drift is well inside that at 3e7
 * points and may not be at 1e9 (the table then says so). Rates: 10 flops per point as the slides' loop body writes
 * them; no memory traffic (compute-bound: no bandwidth column).
 */
public final class AucWorkload implements Workload {
    public static final double TOLERANCE = 1e-9;

    @Override
    public String name() {
        return "auc";
    }

    @Override
    public String baseRow() {
        return "cpp";
    }

    @Override
    public Rates rates() {
        return new Rates("points", 10, 0);
    }

    public static Case points(long n, boolean sweep) {
        return new Case("auc", sweep ? String.format(Locale.ROOT, "%.0e", (double) n) : String.format(Locale.ROOT, "%.0e (slides)", (double) n),
                n, 1, List.of(String.valueOf(n)), n, sweep);
    }

    @Override
    public List<Case> mainCases(BenchOptions o) {
        return List.of(points(o.tiny() ? 100_000 : 30_000_000, false));
    }

    @Override
    public List<Case> sweep(BenchOptions o) {
        long top = o.tiny() ? 100_000 : o.quick() ? 10_000_000L : 1_000_000_000L;
        List<Case> cases = new ArrayList<>();
        long factor = o.quick() ? 100 : 10;   // --quick: 1e5 and 1e7 only
        for (long n = o.tiny() ? 10_000 : 100_000; n <= top; n *= factor) cases.add(points(n, true));
        return cases;
    }

    @Override
    public Case reduce(Case full, int which) {
        long n1 = Math.min(1_000_000, Math.max(1_000, full.n() / 4));
        return points(which == 1 ? n1 : 3 * n1, false);
    }

    @Override
    public List<Row> rows(Context ctx, Map<String, String> skipped) {
        List<Row> rows = new ArrayList<>();
        int cores = ctx.machine.cores();
        compiled(ctx, rows, skipped, PeerBuilds.AUC_CPP, "cpp", "C++ serial loop (slides)", "C++");
        compiled(ctx, rows, skipped, PeerBuilds.AUC_F90, "f90", "Fortran serial loop", "Fortran");
        py(ctx, rows, skipped, "py-pure", "Python serial loop (slides' auc_serial.py)", "pure", null, 1, Map.of(), true, false);
        py(ctx, rows, skipped, "numpy", "numpy vectorised (blocks of 4M)", "numpy", "numpy", 1, Map.of(), false, true);
        py(ctx, rows, skipped, "numexpr-1", "numexpr, 1 thr", "numexpr", "numexpr", 1, Map.of("NUMEXPR_NUM_THREADS", "1"), false, false);
        if (cores > 1) {
            py(ctx, rows, skipped, "numexpr-" + cores, "numexpr, " + cores + " thr", "numexpr", "numexpr", cores,
                    Map.of("NUMEXPR_NUM_THREADS", String.valueOf(cores)), false, false);
        }
        py(ctx, rows, skipped, "numba", "numba @njit serial loop", "numba", "numba", 1, Map.of(), false, false);
        jhpc(ctx, rows, "jhpc-loops", "jhpc loops (x += dx)", List.of("--variant", "loops"), 1, false);
        jhpc(ctx, rows, "jhpc-simd", "jhpc simd", List.of("--variant", "simd"), 1, true);
        for (int t : ctx.threadCounts()) {
            jhpc(ctx, rows, "jhpc-threads-" + t, "jhpc threads, " + t + " thr",
                    List.of("--variant", "threads", "--threads", String.valueOf(t)), t, false);
        }
        jhpc(ctx, rows, "jhpc-expr", "jhpc expr, " + cores + " thr", List.of("--variant", "expr", "--threads", String.valueOf(cores)), cores, false);
        if (ctx.tools.mpirun.isEmpty()) {
            skipped.put("jhpc-mpi-*", "no mpirun (Debian: openmpi-bin libopenmpi-dev)");
        } else {
            for (int r : ctx.threadCounts()) {
                // slow: --quick leaves the mpi variant to the diff2d table (mpirun and R JVMs per run)
                rows.add(new Row("jhpc-mpi-" + r, "jhpc mpi, " + r + " rank" + (r > 1 ? "s" : ""), "Java (jhpc)", Row.Kind.JHPC,
                        r, r, false, true, false, Jmh.launcherFlags() + "; mpirun --bind-to none",
                        (c, dir) -> Invocation.of(ctx.mpirun(r, ctx.jhpc(args(c, List.of("--variant", "mpi")))))));
            }
        }
        rows.add(Jmh.row(ctx, "jmh-simd", "jhpc simd (JMH steady state)", "AucBench",
                Map.of("variant", "simd", "threads", "1", "ntot", "30000000"), 1));
        rows.add(Jmh.row(ctx, "jmh-threads", "jhpc threads, " + cores + " thr (JMH steady state)", "AucBench",
                Map.of("variant", "threads", "threads", String.valueOf(cores), "ntot", "30000000"), cores));
        return rows;
    }

    private static List<String> args(Case c, List<String> variant) {
        List<String> a = new ArrayList<>(List.of("auc", c.args().get(0), "--timing", "--digits", "17"));
        a.addAll(variant);
        return a;
    }

    private static void jhpc(Context ctx, List<Row> rows, String id, String label, List<String> variant, int threads, boolean sweep) {
        rows.add(new Row(id, label, "Java (jhpc)", Row.Kind.JHPC, threads, 1, false, false, sweep, Jmh.launcherFlags(),
                (c, dir) -> Invocation.of(ctx.jhpc(args(c, variant)))));
    }

    private static void compiled(Context ctx, List<Row> rows, Map<String, String> skipped, PeerBuilds.Spec spec, String id,
            String label, String language) {
        if (!ctx.options.wants(Row.placeholder(id))) {
            rows.add(Row.placeholder(id));
            return;
        }
        Optional<Path> bin = ctx.builds.get(spec);
        if (bin.isEmpty()) {
            skipped.put(id, ctx.builds.why(spec));
            return;
        }
        rows.add(new Row(id, label, language, Row.Kind.PEER, 1, 1, false, false, id.equals("cpp"), spec.flagsText(),
                (c, dir) -> Invocation.of(List.of(bin.get().toString(), c.args().get(0)))));
    }

    private static void py(Context ctx, List<Row> rows, Map<String, String> skipped, String id, String label, String mode,
            String pkg, int threads, Map<String, String> env, boolean extrapolated, boolean sweep) {
        Optional<String> missing = pkg == null ? ctx.tools.python.isEmpty() ? Optional.of("no python3") : Optional.empty()
                : ctx.tools.missingPython(pkg);
        if (missing.isPresent()) {
            skipped.put(id, "skipped: " + missing.get());
            return;
        }
        String py = ctx.tools.python.orElseThrow().toString();
        Path script = ctx.peer("python/auc_peers.py");
        String flags = (py + " " + (pkg == null ? "" : pkg + " " + ctx.tools.pythonPackages.get(pkg)) + (env.isEmpty() ? "" : " " + env)).strip();
        rows.add(new Row(id, label, "Python", Row.Kind.PEER, threads, 1, extrapolated, extrapolated, sweep, flags,
                (c, dir) -> new Invocation(List.of(py, script.toString(), mode, c.args().get(0)), env, null)));
    }

    @Override
    public Answer check(Context ctx, Case c, Proc.Outcome o, Invocation inv) {
        double a = Parse.area(o.out());
        double exact = ExactLeftSum.value(c.n());
        if (Double.isNaN(a)) return Answer.no("no 'The area is' line");
        double rel = Math.abs(a - exact) / Math.abs(exact);
        String d = String.format(Locale.ROOT, "area %.17g, exact %.17g, rel. diff %.2g", a, exact, rel);
        return new Answer(rel <= TOLERANCE, d, a);
    }
}
