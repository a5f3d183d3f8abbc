package org.jhpc.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * mpi: ping-pong between ranks 0 and 1 under mpirun, the same protocol everywhere (peers/mpi/pingpong.c,
 * pingpong.py, {@code jhpc mpi pingpong}): 8-byte messages for the one-way latency (the "compute" column, in
 * seconds) and 8 MiB messages for the bandwidth. diff2d over 1..cores ranks is in the diff2d table (rows
 * jhpc-mpi-R). Nothing to compare: agreement is n/a.
 */
public final class MpiWorkload implements Workload {
    /** 8-byte latency over 5000 round trips, 8 MiB bandwidth over 10, 3 repetitions (medians): short enough to interleave. */
    static final List<String> PROTOCOL = List.of("8", "5000", String.valueOf(8 << 20), "10", "3");

    /** {@code jhpc mpi pingpong} with {@link #PROTOCOL}. */
    static List<String> pingpongArgs() {
        return List.of("mpi", "pingpong", "--latency-bytes", PROTOCOL.get(0), "--iters", PROTOCOL.get(1),
                "--bandwidth-bytes", PROTOCOL.get(2), "--bw-iters", PROTOCOL.get(3), "--reps", PROTOCOL.get(4));
    }

    @Override
    public String name() {
        return "mpi";
    }

    @Override
    public String baseRow() {
        return "c-pingpong";
    }

    @Override
    public Rates rates() {
        return new Rates("one-way messages", 0, 0);
    }

    @Override
    public List<Case> mainCases(BenchOptions o) {
        return List.of(new Case("mpi", "ping-pong 8 B / 8 MiB", 8, 1, PROTOCOL, 1, false));
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
        if (ctx.tools.mpirun.isEmpty()) {
            skipped.put("mpi", "skipped: no mpirun (Debian: openmpi-bin libopenmpi-dev)");
            return rows;
        }
        String flags = "mpirun -np 2 --bind-to none --oversubscribe";
        if (!ctx.options.wants(Row.placeholder("c-pingpong"))) {
            rows.add(Row.placeholder("c-pingpong"));
        } else {
            Optional<Path> bin = ctx.builds.get(PeerBuilds.PINGPONG_C);
            if (bin.isPresent()) {
                rows.add(new Row("c-pingpong", "C ping-pong (mpicc -O2)", "C", Row.Kind.PEER, 1, 2, false, false, false,
                        flags + "; " + PeerBuilds.PINGPONG_C.flagsText(), (c, dir) -> {
                            List<String> a = new ArrayList<>(List.of(bin.get().toString()));
                            a.addAll(c.args());
                            return Invocation.of(ctx.mpirun(2, a));
                        }));
            } else {
                skipped.put("c-pingpong", ctx.builds.why(PeerBuilds.PINGPONG_C));
            }
        }
        List<String> jargs = pingpongArgs();
        rows.add(new Row("jhpc-pingpong", "jhpc mpi pingpong (byte[])", "Java (jhpc)", Row.Kind.JHPC, 1, 2, false, false, false,
                flags + "; " + Jmh.launcherFlags(), (c, dir) -> Invocation.of(ctx.mpirun(2, ctx.jhpc(jargs)))));
        List<String> nargs = new ArrayList<>(jargs);
        nargs.add("--native");
        rows.add(new Row("jhpc-pingpong-native", "jhpc mpi pingpong --native (MemorySegment)", "Java (jhpc)", Row.Kind.JHPC,
                1, 2, false, false, false, flags + "; " + Jmh.launcherFlags(), (c, dir) -> Invocation.of(ctx.mpirun(2, ctx.jhpc(nargs)))));
        Optional<String> missing = ctx.tools.missingPython("mpi4py");
        if (missing.isPresent()) {
            skipped.put("mpi4py-*", "skipped: " + missing.get());
        } else {
            for (String mode : List.of("buffer", "pickle")) {
                String py = ctx.tools.python.orElseThrow().toString();
                rows.add(new Row("mpi4py-" + mode, "mpi4py " + (mode.equals("buffer") ? "Send/Recv on a bytearray" : "send/recv pickled"),
                        "Python", Row.Kind.PEER, 1, 2, false, false, false, flags + "; mpi4py " + ctx.tools.pythonPackages.get("mpi4py"),
                        (c, dir) -> {
                            List<String> a = new ArrayList<>(List.of(py, ctx.peer("mpi/pingpong.py").toString(), mode));
                            a.addAll(c.args());
                            return Invocation.of(ctx.mpirun(2, a));
                        }));
            }
        }
        return rows;
    }

    @Override
    public Answer check(Context ctx, Case c, Proc.Outcome o, Invocation inv) {
        double lat = Parse.number(Parse.keyValues(o.out()).get("latency_us"));
        return Double.isNaN(lat) ? Answer.no("no latency_us= line") : Answer.none(String.format(Locale.ROOT, "latency %.3f us", lat));
    }

    @Override
    public boolean repeatsInProcess() {
        return true;
    }
}
