package org.jhpc.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jhpc.core.UserError;

/**
 * Runs the rows of each workload on each case: a cold (first) run of every row, then the warm runs interleaved
 * (row A, B, C, then A, B, C again...) so that a burst of background load falls on all rows alike; the load
 * average read before every run; each run killed at the per-run deadline; answers checked per run; pure-Python-like
 * rows run on two reduced cases and extrapolated linearly in the work (marked as such); JMH rows run once per
 * main case for their steady state.
 */
public final class Harness {
    private final BenchOptions o;
    private final Progress progress;

    public Harness(BenchOptions o, Progress progress) {
        this.o = o;
        this.progress = progress;
    }

    public Results run(List<String> commandLine) {
        Machine machine = Machine.probe();
        Toolchain tools = Toolchain.probe();
        Path scratch;
        try {
            scratch = Files.createTempDirectory("jhpc-bench");
            Files.createDirectories(scratch.resolve("ref"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path cache = o.root().resolve("target/bench-peers");
            PeerBuilds builds = new PeerBuilds(o.peers(), scratch, cache, machine.cpu(), tools, o.deadline());
            PeerBuilds refs = new PeerBuilds(o.root().resolve("peers"), scratch.resolve("ref"), cache, machine.cpu(), tools,
                    o.deadline());
            Context ctx = new Context(o, tools, builds, refs, machine, scratch);
            Provenance prov = Provenance.collect(o, machine, tools, commandLine);

            List<Workload> workloads = o.workloads().stream().map(Workloads::byName).toList();
            Map<Workload, List<Row>> rowsOf = new LinkedHashMap<>();
            Map<Workload, Map<String, String>> skippedOf = new LinkedHashMap<>();
            Set<String> known = new TreeSet<>();
            for (Workload w : workloads) {
                Map<String, String> skipped = new LinkedHashMap<>();
                List<Row> all = w.rows(ctx, skipped);
                all.forEach(r -> known.add(r.id()));
                known.addAll(skipped.keySet());
                List<Row> rows = new ArrayList<>();
                String jmh = Jmh.unavailable(o);
                for (Row r : all) {
                    if (r.launch() == null || !o.only().isEmpty() && !o.only().contains(r.id())) continue;
                    if (r.kind() == Row.Kind.JMH && jmh != null) {
                        skipped.put(r.id(), jmh);
                        continue;
                    }
                    if (o.quick() && r.slow() && o.only().isEmpty()) {
                        skipped.put(r.id(), "not run with --quick (one of the slow rows); the full run has it");
                        continue;
                    }
                    if (!o.wants(r)) continue;
                    rows.add(r);
                }
                if (!o.only().isEmpty()) skipped.keySet().retainAll(o.only());
                rowsOf.put(w, rows);
                skippedOf.put(w, skipped);
            }
            for (String id : o.only()) {
                if (!known.contains(id)) {
                    throw new UserError("unknown row '" + id + "' (rows of " + String.join(", ", o.workloads()) + ": "
                            + String.join(", ", known) + ")");
                }
            }
            for (Workload w : workloads) {
                for (var e : skippedOf.get(w).entrySet()) progress.note(w.name() + " " + e.getKey() + ": " + e.getValue());
            }

            progress.note("measuring the triad (L2, L3, DRAM; 1 and " + machine.cores() + " threads)");
            List<Triad.Result> triad = Triad.measure(machine, o.quick());

            long total = 0;
            Map<Workload, List<Case>> casesOf = new LinkedHashMap<>();
            for (Workload w : workloads) {
                List<Case> cases = new ArrayList<>(w.mainCases(o));
                if (o.sweep()) cases.addAll(w.sweep(o));
                casesOf.put(w, cases);
                for (Case c : cases) {
                    for (Row r : applicable(rowsOf.get(w), c)) total += r.kind() == Row.Kind.JMH ? 1 : 1 + warmRuns(c) - firstRound(w, c);
                }
            }
            progress.start(total);
            List<Results.WorkloadResult> out = new ArrayList<>();
            for (Workload w : workloads) {
                List<Measurement> ms = new ArrayList<>();
                List<Summary> sums = new ArrayList<>();
                for (Case c : casesOf.get(w)) {
                    List<Row> rows = applicable(rowsOf.get(w), c);
                    List<Row> procs = rows.stream().filter(r -> r.kind() != Row.Kind.JMH).toList();
                    Map<Row, List<Measurement>> byRow = new LinkedHashMap<>();
                    for (int round = firstRound(w, c); round <= warmRuns(c); round++) {
                        for (Row r : procs) {
                            Measurement m = runOnce(ctx, w, r, c, round);
                            byRow.computeIfAbsent(r, k -> new ArrayList<>()).add(m);
                        }
                    }
                    for (Row r : rows) {
                        if (r.kind() == Row.Kind.JMH) byRow.put(r, runJmh(ctx, r, c));
                    }
                    for (var e : byRow.entrySet()) {
                        ms.addAll(e.getValue());
                        sums.add(Summary.of(e.getKey(), c, e.getValue()));
                    }
                }
                long busy = ms.stream().filter(Measurement::busy).count();
                if (busy > 0) {
                    progress.note(String.format(Locale.ROOT, "warning: %s: %d of %d runs started with a load average >= %.1f"
                            + " (busy machine: the times are noisy)", w.name(), busy, ms.size(), Machine.BUSY_FRACTION * machine.cores()));
                }
                for (Summary s : sums) {
                    if (Boolean.FALSE.equals(s.agrees())) {
                        progress.note(w.name() + " " + s.row().id() + " " + s.c().label() + ": answer DISAGREES: " + s.detail());
                    }
                }
                out.add(new Results.WorkloadResult(w, casesOf.get(w), rowsOf.get(w), skippedOf.get(w), ms, sums));
            }
            progress.done();
            return new Results(prov, machine, triad, out);
        } finally {
            Files2.deleteTree(scratch);
        }
    }

    /**
     * 0 (the cold run first), or 1 under --quick for a sweep case (its rows have just run the main case, so its one
     * run is warm) and for a workload whose programs repeat themselves in-process ({@link Workload#repeatsInProcess}):
     * one run each, reported as warm, no cold column.
     */
    private int firstRound(Workload w, Case c) {
        return o.quick() && (c.sweep() || w.repeatsInProcess()) ? 1 : 0;
    }

    private int warmRuns(Case c) {
        return c.sweep() ? 1 : o.runs();   // the sweep shows how cost grows with size: one cold and one warm run per size
    }

    static List<Row> applicable(List<Row> rows, Case c) {
        if (!c.sweep()) return rows;
        return rows.stream().filter(r -> r.inSweep() && r.kind() != Row.Kind.JMH && !r.extrapolated()).toList();
    }

    /** One run of a single process: its outcome and what it printed, the answer checked. */
    private record Single(Proc.Outcome o, Answer answer, double compute, String kernel, Map<String, String> extra) {}

    private Single single(Context ctx, Workload w, Row r, Case c) {
        Path dir = ctx.runDir();
        try {
            Invocation inv = r.launch().at(c, dir);
            Proc.Outcome out = Proc.run(inv, dir, o.deadline());
            if (!out.ok()) return new Single(out, Answer.no(out.failure()), Double.NaN, "", Map.of());
            Answer a = w.check(ctx, c, out, inv);
            String kernel = "";
            for (String line : out.err().split("\\R")) if (line.startsWith("kernel=")) kernel = line.substring(7).strip();
            Map<String, String> kv = Parse.keyValues(out.out() + "\n" + out.err());
            return new Single(out, a, Parse.computeSeconds(out), kernel, kv);
        } finally {
            Files2.deleteTree(dir);
        }
    }

    private Measurement runOnce(Context ctx, Workload w, Row r, Case c, int round) {
        double load = Machine.load();
        boolean busy = ctx.machine.busy(load);
        progress.step(w.name() + " " + c.label() + ": " + r.id() + (round == 0 ? " (cold)" : " run " + round));
        if (!r.extrapolated()) {
            Single s = single(ctx, w, r, c);
            return new Measurement(r, c, round, s.o().seconds(), s.compute(), load, busy, s.answer(),
                    s.o().ok() ? null : s.o().failure(), s.kernel(), s.extra());
        }
        Case c1 = w.reduce(c, 1), c2 = w.reduce(c, 2);
        Single s1 = single(ctx, w, r, c1), s2 = single(ctx, w, r, c2);
        String failure = !s1.o().ok() ? s1.o().failure() : !s2.o().ok() ? s2.o().failure() : null;
        double wall = extrapolate(c1.work(), s1.o().seconds(), c2.work(), s2.o().seconds(), c.work());
        double comp = extrapolate(c1.work(), s1.compute(), c2.work(), s2.compute(), c.work());
        Answer a = Boolean.FALSE.equals(s1.answer().agrees()) ? s1.answer() : s2.answer();
        Answer marked = new Answer(a.agrees(), "extrapolated from " + c1.label() + " and " + c2.label() + ": " + a.detail(), a.value());
        return new Measurement(r, c, round, failure == null ? wall : Double.NaN, failure == null ? comp : Double.NaN, load,
                busy, marked, failure, s2.kernel(), s2.extra());
    }

    /**
     * The time at work {@code w} on the line through (w1, t1) and (w2, t2): the fixed cost (start-up) plus the cost
     * per unit of work. When noise makes the slope non-positive, the second run is scaled in proportion instead.
     */
    static double extrapolate(double w1, double t1, double w2, double t2, double w) {
        double slope = (t2 - t1) / (w2 - w1);
        if (!(slope > 0)) return t2 * w / w2;
        return t1 + slope * (w - w1);
    }

    private List<Measurement> runJmh(Context ctx, Row r, Case c) {
        double load = Machine.load();
        boolean busy = ctx.machine.busy(load);
        progress.step(c.workload() + " " + c.label() + ": " + r.id() + " (JMH)");
        Path dir = ctx.runDir();
        try {
            Invocation inv = r.launch().at(c, dir);
            Proc.Outcome out = Proc.run(inv, dir, o.deadline().multipliedBy(10));
            List<Double> secs = List.of();
            if (out.ok()) {
                try {
                    secs = Jmh.seconds(Files.readString(dir.resolve("jmh.json")));
                } catch (IOException e) {
                    secs = List.of();
                }
            }
            Answer none = Answer.none("JMH: steady state of the kernel, answer not checked here");
            List<Measurement> ms = new ArrayList<>();
            if (secs.isEmpty()) {
                String why = out.ok() ? "JMH wrote no results" : out.failure();
                ms.add(new Measurement(r, c, 1, Double.NaN, Double.NaN, load, busy, Answer.no(why), why, "", Map.of()));
                return ms;
            }
            for (int i = 0; i < secs.size(); i++) {
                ms.add(new Measurement(r, c, i + 1, Double.NaN, secs.get(i), load, busy, none, null, "JMH iteration " + (i + 1), Map.of()));
            }
            return ms;
        } finally {
            Files2.deleteTree(dir);
        }
    }

    /** The row ids a workload would run here (for --only's error message and the docs). */
    public static Set<String> ids(List<Row> rows) {
        Set<String> s = new LinkedHashSet<>();
        rows.forEach(r -> s.add(r.id()));
        return s;
    }
}
