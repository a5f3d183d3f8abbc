package org.jhpc.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jhpc.core.Npy;

/**
 * diff2d: the slides' default case (200² interior points, 5999 steps, 2.4e8 cell updates) and a sweep of square
 * grids from 64² to 4096² at a fixed number of cell updates. A run agrees when its printed times equal the
 * reference's, line for line, and its final field (--save) is within 1e-12 of the reference's everywhere. The
 * reference is jhpc's C++ peer built for strict IEEE arithmetic (-O2 -ffp-contract=off, the slides' two sweeps),
 * falling back to the Python numpy peer. Rates: 7 flops and 16 bytes (one read, one write) per cell update.
 */
public final class Diff2dWorkload implements Workload {
    public static final double FIELD_TOLERANCE = 1e-12;
    /** --quick's main case: the slides' 200² grid for a quarter of its 5999 steps. */
    static final long QUICK_STEPS = 1500;

    @Override
    public String name() {
        return "diff2d";
    }

    @Override
    public String baseRow() {
        return "cpp-two";
    }

    @Override
    public Rates rates() {
        return new Rates("cell updates", 7, 16);
    }

    /** The slides' default case: D=1, x in [-10, 10], dx=0.1, runtime 15, outtime 0.5. */
    public static Case slidesDefault() {
        return new Case("diff2d", "default 200²", 200, steps(20.0 / 200, 15.0), List.of(), 200.0 * 200 * steps(0.1, 15.0), false);
    }

    /** nsteps as diff2d computes it for a grid spacing dx and a runtime (D = 1). */
    static long steps(double dx, double runtime) {
        double dt = 0.25 * (dx * dx) / 1.0;
        return (long) (runtime / dt);
    }

    /** An n² interior grid on [-10, 10] advanced exactly {@code steps} steps, printing the first and last time. */
    public static Case grid(long n, long steps, boolean sweep) {
        double dx = 20.0 / n;
        double dt = 0.25 * (dx * dx) / 1.0;
        double runtime = (steps + 0.5) * dt;
        String rt = String.format(Locale.ROOT, "%.17e", runtime);
        List<String> args = List.of("--set", "x1=-10.0", "--set", "x2=10.0", "--set", "D=1.0",
                "--set", "dx=" + String.format(Locale.ROOT, "%.17e", dx), "--set", "runtime=" + rt, "--set", "outtime=" + rt);
        return new Case("diff2d", n + "²" + (sweep ? "" : " x" + steps + " steps"), n, steps, args, (double) n * n * steps, sweep);
    }

    @Override
    public List<Case> mainCases(BenchOptions o) {
        return List.of(o.tiny() ? grid(32, 50, false) : o.quick() ? grid(200, QUICK_STEPS, false) : slidesDefault());
    }

    @Override
    public List<Case> sweep(BenchOptions o) {
        if (o.tiny()) return List.of(grid(16, 20, true), grid(48, 20, true));
        long[] sizes = o.quick() ? new long[] {64, 1024} : new long[] {64, 256, 1024, 4096};
        double target = o.quick() ? 1e7 : 5e7;
        List<Case> cases = new ArrayList<>();
        for (long n : sizes) cases.add(grid(n, Math.max(4, Math.round(target / (n * n))), true));
        return cases;
    }

    @Override
    public Case reduce(Case full, int which) {
        long s1 = Math.max(2, Math.min(Math.round(2e5 / (full.n() * full.n())), full.steps() / 4));
        return grid(full.n(), which == 1 ? s1 : 3 * s1, false);
    }

    @Override
    public List<Row> rows(Context ctx, Map<String, String> skipped) {
        List<Row> rows = new ArrayList<>();
        int cores = ctx.machine.cores();
        // C++: the slides' two sweeps, one fused sweep, OpenMP over rows
        peerRow(ctx, rows, skipped, PeerBuilds.DIFF2D_CPP, "cpp-two", "C++ two sweeps (slides)", "two", 1, Map.of(), true);
        peerRow(ctx, rows, skipped, PeerBuilds.DIFF2D_CPP, "cpp-one", "C++ one sweep", "one", 1, Map.of(), false);
        peerRow(ctx, rows, skipped, PeerBuilds.DIFF2D_F90, "f90", "Fortran two sweeps", "two", 1, Map.of(), true);
        for (int t : ctx.threadCounts()) {
            peerRow(ctx, rows, skipped, PeerBuilds.DIFF2D_OMP, "cpp-omp-" + t, "C++ OpenMP one sweep, " + t + " thr", "omp", t,
                    Map.of("OMP_NUM_THREADS", String.valueOf(t), "OMP_PROC_BIND", "false"), false);
        }
        // Python, the slides' ladder
        pyRow(ctx, rows, skipped, "py-pure", "Python lists and loops (slides' diff2d.py)", "pure", null, 1, Map.of(), true, false);
        pyRow(ctx, rows, skipped, "py-slow-numpy", "numpy index loops (slides' slow numpy)", "slow", "numpy", 1, Map.of(), true, false);
        pyRow(ctx, rows, skipped, "numpy", "numpy slices", "numpy", "numpy", 1, Map.of(), false, true);
        pyRow(ctx, rows, skipped, "numexpr-1", "numexpr, 1 thr", "numexpr", "numexpr", 1,
                Map.of("NUMEXPR_NUM_THREADS", "1"), false, false);
        if (cores > 1) {
            pyRow(ctx, rows, skipped, "numexpr-" + cores, "numexpr, " + cores + " thr", "numexpr", "numexpr", cores,
                    Map.of("NUMEXPR_NUM_THREADS", String.valueOf(cores)), false, false);
        }
        pyRow(ctx, rows, skipped, "numba", "numba @njit two sweeps", "numba", "numba", 1, Map.of(), false, false);
        // jhpc
        jhpcRow(ctx, rows, "jhpc-lists", "jhpc lists (boxed, as pure Python)", List.of("--variant", "lists"), 1, true, false);
        jhpcRow(ctx, rows, "jhpc-loops", "jhpc loops", List.of("--variant", "loops"), 1, false, false);
        jhpcRow(ctx, rows, "jhpc-flat", "jhpc flat", List.of("--variant", "flat"), 1, false, false);
        jhpcRow(ctx, rows, "jhpc-simd", "jhpc simd", List.of("--variant", "simd"), 1, false, true);
        for (int t : ctx.threadCounts()) {
            jhpcRow(ctx, rows, "jhpc-threads-" + t, "jhpc threads, " + t + " thr",
                    List.of("--variant", "threads", "--threads", String.valueOf(t)), t, false, t == cores);
        }
        jhpcRow(ctx, rows, "jhpc-expr", "jhpc expr, " + cores + " thr",
                List.of("--variant", "expr", "--threads", String.valueOf(cores)), cores, false, false);
        jhpcRow(ctx, rows, "jhpc-default", "jhpc (default variant)", List.of(), cores, false, false);
        if (ctx.tools.mpirun.isEmpty()) {
            skipped.put("jhpc-mpi-*", "no mpirun (Debian: openmpi-bin libopenmpi-dev)");
        } else {
            for (int r : ctx.threadCounts()) {
                String id = "jhpc-mpi-" + r;
                rows.add(new Row(id, "jhpc mpi, " + r + " rank" + (r > 1 ? "s" : ""), "Java (jhpc)", Row.Kind.JHPC, r, r,
                        false, false, false, Jmh.launcherFlags() + "; mpirun --bind-to none",
                        (c, dir) -> field(ctx.mpirun(r, ctx.jhpc(jhpcArgs(c, List.of("--variant", "mpi"), dir))), Map.of(), dir)));
            }
        }
        // JMH: the kernels' steady state
        for (String v : List.of("simd", "threads")) {
            int t = v.equals("threads") ? cores : 1;
            rows.add(Jmh.row(ctx, "jmh-" + v, "jhpc " + v + (t > 1 ? ", " + t + " thr" : "") + " (JMH steady state)",
                    "Diff2dBench", Map.of("variant", v, "threads", String.valueOf(t)), t));
        }
        return rows;
    }

    private static List<String> jhpcArgs(Case c, List<String> variant, Path dir) {
        List<String> a = new ArrayList<>(List.of("diff2d", "--timing"));
        a.addAll(variant);
        a.addAll(c.args());
        a.addAll(List.of("--save", dir.resolve("field.npy").toString()));
        return a;
    }

    private static Invocation field(List<String> argv, Map<String, String> env, Path dir) {
        return new Invocation(argv, env, dir.resolve("field.npy"));
    }

    private static void jhpcRow(Context ctx, List<Row> rows, String id, String label, List<String> variant, int threads,
            boolean extrapolated, boolean sweep) {
        rows.add(new Row(id, label, "Java (jhpc)", Row.Kind.JHPC, threads, 1, extrapolated, extrapolated, sweep,
                Jmh.launcherFlags(), (c, dir) -> field(ctx.jhpc(jhpcArgs(c, variant, dir)), Map.of(), dir)));
    }

    private static void peerRow(Context ctx, List<Row> rows, Map<String, String> skipped, PeerBuilds.Spec spec, String id,
            String label, String kernel, int threads, Map<String, String> env, boolean sweep) {
        if (!ctx.options.wants(Row.placeholder(id))) {
            rows.add(Row.placeholder(id));
            return;
        }
        Optional<Path> bin = ctx.builds.get(spec);
        if (bin.isEmpty()) {
            skipped.put(id, ctx.builds.why(spec));
            return;
        }
        String flags = spec.flagsText() + (env.isEmpty() ? "" : "; " + env);
        String language = spec.compiler().equals("gfortran") ? "Fortran" : "C++";
        rows.add(new Row(id, label, language, Row.Kind.PEER, threads, 1, false, false, sweep, flags, (c, dir) -> {
            List<String> a = new ArrayList<>(List.of(bin.get().toString(), "--kernel", kernel));
            a.addAll(c.args());
            a.addAll(List.of("--save", dir.resolve("field.npy").toString()));
            return field(a, env, dir);
        }));
    }

    private static void pyRow(Context ctx, List<Row> rows, Map<String, String> skipped, String id, String label,
            String mode, String pkg, int threads, Map<String, String> env, boolean extrapolated, boolean sweep) {
        Optional<String> missing = pkg == null ? ctx.tools.python.isEmpty() ? Optional.of("no python3") : Optional.empty()
                : ctx.tools.missingPython(pkg);
        if (missing.isPresent()) {
            skipped.put(id, "skipped: " + missing.get());
            return;
        }
        Path script = ctx.peer("python/diff2d.py");
        String py = ctx.tools.python.orElseThrow().toString();
        String flags = py + " " + ctx.tools.pythonPackages.getOrDefault(pkg == null ? "" : pkg, "") + (env.isEmpty() ? "" : " " + env);
        rows.add(new Row(id, label, "Python", Row.Kind.PEER, threads, 1, extrapolated, extrapolated, sweep, flags.strip(),
                (c, dir) -> {
                    List<String> a = new ArrayList<>(List.of(py, script.toString(), "--mode", mode));
                    a.addAll(c.args());
                    a.addAll(List.of("--save", dir.resolve("field.npy").toString()));
                    return field(a, env, dir);
                }));
    }

    /** The reference of a case: its printed times and final field. */
    record Reference(String source, List<String> times, Npy.Matrix field) {}

    Optional<Reference> reference(Context ctx, Case c) {
        return ctx.cached("diff2d-ref:" + c.key(), k -> computeReference(ctx, c));
    }

    private Optional<Reference> computeReference(Context ctx, Case c) {
        Path dir = ctx.runDir();
        List<String> a = new ArrayList<>();
        String source;
        Optional<Path> bin = ctx.referenceBuilds.get(PeerBuilds.DIFF2D_REF);
        if (bin.isPresent()) {
            a.addAll(List.of(bin.get().toString(), "--kernel", "two"));
            source = "C++ peer, " + PeerBuilds.DIFF2D_REF.flagsText();
        } else if (ctx.tools.hasPython("numpy")) {
            a.addAll(List.of(ctx.tools.python.get().toString(), ctx.options.root().resolve("peers/python/diff2d.py").toString(),
                    "--mode", "numpy"));
            source = "Python numpy peer";
        } else {
            return Optional.empty();
        }
        a.addAll(c.args());
        a.addAll(List.of("--save", dir.resolve("field.npy").toString()));
        Proc.Outcome o = Proc.run(Invocation.of(a), dir, ctx.options.deadline().multipliedBy(4));
        if (!o.ok()) return Optional.empty();
        Npy.Matrix f = Npy.read(dir.resolve("field.npy"));
        Files2.deleteTree(dir);
        return Optional.of(new Reference(source, o.out().strip().lines().toList(), f));
    }

    @Override
    public Answer check(Context ctx, Case c, Proc.Outcome o, Invocation inv) {
        Optional<Reference> ref = reference(ctx, c);
        if (ref.isEmpty()) return Answer.none("no reference program (needs g++ or python3-numpy)");
        List<String> times = o.out().strip().lines().toList();
        List<String> want = ref.get().times();
        if (!times.equals(want)) {
            int i = 0;
            while (i < Math.min(times.size(), want.size()) && times.get(i).equals(want.get(i))) i++;
            return Answer.no("printed times differ at line " + (i + 1) + ": " + (i < times.size() ? times.get(i) : "(none)")
                    + " vs " + (i < want.size() ? want.get(i) : "(none)"));
        }
        if (inv.field() == null || !Files.isRegularFile(inv.field())) return Answer.no("no field written");
        Npy.Matrix f;
        try {
            f = Npy.read(inv.field());
        } catch (RuntimeException e) {
            return Answer.no("unreadable field: " + e.getMessage());
        }
        Npy.Matrix r = ref.get().field();
        if (f.rows() != r.rows() || f.cols() != r.cols()) {
            return Answer.no("field is " + f.rows() + "x" + f.cols() + ", reference " + r.rows() + "x" + r.cols());
        }
        double max = 0;
        for (int i = 0; i < f.data().length; i++) max = Math.max(max, Math.abs(f.data()[i] - r.data()[i]));
        if (!(max <= FIELD_TOLERANCE)) return Answer.no(String.format(Locale.ROOT, "field max |diff| %.3g > 1e-12", max));
        return Answer.yes(String.format(Locale.ROOT, "times identical, field max |diff| %.3g", max));
    }
}
