package org.jhpc.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * mpi: ping-pong latency (8 B), bandwidth (1 KiB to 4 MiB, the figure at 1 MiB) and {@code allreduce(SUM)} of 1 and
 * 131072 doubles (8 B, 1 MiB) on 2 ranks, for jhpc's binding ({@code jhpc mpi bench}, from Java arrays and, apart,
 * native segments), a C peer (peers/mpi/mpibench.c, built with the library's own mpicc) and mpi4py
 * (peers/mpi/mpibench.py), under each MPI library installed: Open MPI ({@code mpirun.openmpi}) and MPICH
 * ({@code mpirun.mpich}). mpi4py runs under the library it was built against only; the other is skipped with a note.
 * Every program runs the same protocol (N operations between two timer reads, median of the batches); the
 * "compute" column is the time of one operation (one-way message, or one allreduce). Answers: the byte sum of a
 * verified round trip and the sum of a verified allreduce, against their closed forms (exact).
 */
public final class MpiWorkload implements Workload {
    /** 8-byte latency over 5000 round trips, 8 MiB bandwidth over 10, 3 repetitions: {@code jhpc bench model}'s α and β. */
    static final List<String> PROTOCOL = List.of("8", "5000", String.valueOf(8 << 20), "10", "3");

    /** {@code jhpc mpi pingpong} with {@link #PROTOCOL} (the model's measurement). */
    static List<String> pingpongArgs() {
        return List.of("mpi", "pingpong", "--latency-bytes", PROTOCOL.get(0), "--iters", PROTOCOL.get(1),
                "--bandwidth-bytes", PROTOCOL.get(2), "--bw-iters", PROTOCOL.get(3), "--reps", PROTOCOL.get(4));
    }

    /** The sizes of the bandwidth sweep and the one whose bandwidth is the row's figure. */
    static final String SIZES = "1024,16384,262144,1048576,4194304";
    static final int FIGURE_BYTES = 1 << 20;
    static final int RANKS = 2;

    @Override
    public String name() {
        return "mpi";
    }

    @Override
    public String baseRow() {
        return "c-openmpi";
    }

    /** The row a row's "vs C" divides by: the C peer under the same MPI library. */
    static String baseFor(String rowId) {
        return "c-" + rowId.substring(rowId.lastIndexOf('-') + 1);
    }

    @Override
    public Rates rates() {
        return new Rates("operations", 0, 0);
    }

    @Override
    public List<Case> mainCases(BenchOptions o) {
        boolean t = o.tiny();
        String reps = t ? "3" : "5";
        return List.of(
                new Case("mpi", "latency 8 B", 8, 1, List.of("latency", "8", t ? "200" : "20000", reps), 1, false),
                new Case("mpi", "bandwidth (1 MiB)", FIGURE_BYTES, 1, List.of("bandwidth", String.valueOf(FIGURE_BYTES),
                        t ? "1024," + FIGURE_BYTES : SIZES, t ? "20" : "400", reps), 1, false),
                new Case("mpi", "allreduce 8 B", 8, 1, List.of("allreduce", "1", t ? "200" : "20000", reps), 1, false),
                new Case("mpi", "allreduce 1 MiB", 8 * 131072, 1, List.of("allreduce", "131072", t ? "5" : "200", reps), 1, false));
    }

    @Override
    public List<Case> sweep(BenchOptions o) {
        return List.of();
    }

    @Override
    public Case reduce(Case full, int which) {
        return full;
    }

    @Override
    public List<Row> rows(Context ctx, Map<String, String> skipped) {
        List<Row> rows = new ArrayList<>();
        String built = mpi4pyLibrary(ctx);
        for (MpiFlavour f : MpiFlavour.ALL) {
            Optional<Path> mpirun = f.mpirun();
            List<String> ids = List.of("c-" + f.id(), "jhpc-" + f.id(), "jhpc-native-" + f.id(), "mpi4py-" + f.id());
            if (mpirun.isEmpty()) {
                for (String id : ids) skipped.put(id, "skipped: no " + f.launcher() + " (Debian: " + f.debian() + ")");
                continue;
            }
            String flags = f.flagsText();
            if (!ctx.options.wants(Row.placeholder(ids.get(0)))) {
                rows.add(Row.placeholder(ids.get(0)));
            } else {
                Optional<Path> bin = ctx.builds.get(f.peer());
                if (bin.isPresent()) {
                    rows.add(new Row(ids.get(0), "C (" + f.peer().flagsText() + ")", "C", Row.Kind.PEER, 1, RANKS, false,
                            false, false, flags + "; " + f.peer().flagsText(), (c, dir) -> {
                                List<String> a = new ArrayList<>(List.of(bin.get().toString()));
                                a.addAll(c.args());
                                return Invocation.of(f.command(mpirun.get(), RANKS, a));
                            }));
                } else {
                    skipped.put(ids.get(0), ctx.builds.why(f.peer()));
                }
            }
            Map<String, String> env = Map.of("JHPC_LIBMPI", f.soname());
            for (boolean nat : new boolean[] {false, true}) {
                rows.add(new Row(ids.get(nat ? 2 : 1), "jhpc mpi bench" + (nat ? " --native (MemorySegment)" : " (byte[], double[])"),
                        "Java (jhpc)", Row.Kind.JHPC, 1, RANKS, false, false, false,
                        flags + "; JHPC_LIBMPI=" + f.soname() + "; " + Jmh.launcherFlags(), (c, dir) -> {
                            List<String> a = new ArrayList<>(List.of("mpi", "bench"));
                            a.addAll(c.args());
                            if (nat) a.add("--native");
                            return new Invocation(f.command(mpirun.get(), RANKS, ctx.jhpc(a)), env, null);
                        }));
            }
            Optional<String> missing = ctx.tools.missingPython("mpi4py");
            if (missing.isPresent()) {
                skipped.put(ids.get(3), "skipped: " + missing.get());
            } else if (!built.startsWith(f.name())) {
                skipped.put(ids.get(3), "skipped: this python3's mpi4py is built against "
                        + (built.isEmpty() ? "an MPI library it could not name" : built.split(",")[0])
                        + ", not " + f.name() + " (one mpi4py per Python; Debian's python3-mpi4py uses Open MPI)");
            } else {
                String py = ctx.tools.python.orElseThrow().toString();
                rows.add(new Row(ids.get(3), "mpi4py " + ctx.tools.pythonPackages.get("mpi4py") + " (bytearray, array('d'))",
                        "Python", Row.Kind.PEER, 1, RANKS, false, false, false, flags + "; " + built.split(",")[0], (c, dir) -> {
                            List<String> a = new ArrayList<>(List.of(py, ctx.peer("mpi/mpibench.py").toString()));
                            a.addAll(c.args());
                            return Invocation.of(f.command(mpirun.get(), RANKS, a));
                        }));
            }
        }
        return rows;
    }

    /** The first line of the MPI library version mpi4py was built against ("Open MPI v4.1.4, ..."), or "". */
    static String mpi4pyLibrary(Context ctx) {
        if (ctx.tools.python.isEmpty() || !ctx.tools.hasPython("mpi4py")) return "";
        return ctx.cached("mpi4py-library", k -> Proc.query(Duration.ofSeconds(60), ctx.tools.python.get().toString(), "-c",
                "import mpi4py\nmpi4py.rc.initialize = False\nmpi4py.rc.finalize = False\nfrom mpi4py import MPI\n"
                        + "print(MPI.Get_library_version().strip().splitlines()[0])").strip());
    }

    /** What a correct program prints as check= for case {@code c}: the closed form of its verified operation. */
    static long expectedCheck(Case c) {
        List<String> a = c.args();
        if (a.get(0).equals("allreduce")) {
            long n = Long.parseLong(a.get(1)), s = 0;
            for (long i = 0; i < n; i++) s += RANKS * (i % 1000) + (long) RANKS * (RANKS - 1) / 2;
            return s;
        }
        long n = Long.parseLong(a.get(1)), s = 0;
        for (long i = 0; i < n; i++) s += (7 * i + 3) % 128;
        return s;
    }

    @Override
    public Answer check(Context ctx, Case c, Proc.Outcome o, Invocation inv) {
        Map<String, String> kv = Parse.keyValues(o.out());
        double t = Parse.number(kv.get("latency_us"));
        double got = Parse.number(kv.get("check"));
        if (Double.isNaN(t)) return Answer.no("no latency_us= line");
        long want = expectedCheck(c);
        String what = c.args().get(0).equals("allreduce") ? "sum of the allreduce" : "byte sum of the round trip";
        if (got != want) {
            return Answer.no(String.format(Locale.ROOT, "%s %s, expected %d", what, kv.getOrDefault("check", "missing"), want));
        }
        return Answer.yes(String.format(Locale.ROOT, "%s %d exact; %.3f us", what, want, t));
    }

    @Override
    public boolean repeatsInProcess() {
        return true;
    }
}
