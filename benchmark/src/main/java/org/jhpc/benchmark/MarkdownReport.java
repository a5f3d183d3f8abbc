package org.jhpc.benchmark;

import java.util.List;
import java.util.Locale;

/**
 * The Markdown file: provenance, the triad, then per workload the slides'-style timing table of the main case
 * (whole process and compute, cold apart from warm, ratio to the C++ row, rates, bandwidth against the triad,
 * agreement, load), the size sweep, the notes (skipped rows, disagreements, extrapolations) and the charts.
 */
public final class MarkdownReport {
    private MarkdownReport() {}

    public static String render(Results res, List<String> charts) {
        StringBuilder b = new StringBuilder();
        Provenance p = res.provenance();
        b.append("# jhpc bench: ").append(String.join(", ", res.workloads().stream().map(w -> w.workload().name()).toList()))
                .append(", ").append(p.get("date")).append("\n\n");
        for (var e : p.fields().entrySet()) b.append("- ").append(e.getKey()).append(": `").append(e.getValue()).append("`\n");
        long busy = res.workloads().stream().flatMap(w -> w.measurements().stream()).filter(Measurement::busy).count();
        long all = res.workloads().stream().mapToLong(w -> w.measurements().size()).sum();
        if (busy > 0) {
            b.append(String.format(Locale.ROOT, "%n**Busy machine:** %d of %d runs started with a 1-minute load average of at "
                    + "least %.1f (half the cores); those rows are marked ⚠ and their times are noisy.%n", busy, all,
                    Machine.BUSY_FRACTION * res.machine().cores()));
        }
        b.append("\n## Triad (the harness's own STREAM-like a = b + s·c, best of several batches, 24 bytes per element)\n\n");
        b.append("| arrays sized for | total size | threads | GB/s |\n|---|---:|---:|---:|\n");
        for (Triad.Result t : res.triad()) {
            b.append("| ").append(t.level()).append(" | ").append(Machine.human(t.bytes())).append(" | ").append(t.threads())
                    .append(" | ").append(Fmt.g(t.gbs())).append(" |\n");
        }
        for (Results.WorkloadResult w : res.workloads()) workload(b, res, w, charts);
        b.append("\n## How to read these tables\n\n");
        b.append("- process s: wall time of the whole process as the harness saw it (start-up, JIT, output included), median of the "
                + "warm runs with their range; cold s: the first run of that row on that case, apart (file cache, JIT, page faults).\n");
        b.append("- compute s: the program's own timer around its compute loop (`compute_seconds=`; expr: one evaluation; "
                + "ping-pong: one-way latency). JMH rows are the kernel's steady state in a warmed-up JVM: compute only.\n");
        b.append("- Runs are interleaved (every row once, then every row again), after one cold round; the load average is "
                + "read before every run.\n");
        b.append("- Rates: diff2d 7 flops and 16 bytes (one read, one write) per cell update; auc 10 flops per point (the "
                + "slides' loop body); expr 6 flops and 24 bytes per element. % is of the triad at the level the working set fits "
                + "in, on 1 thread or on all cores.\n");
        b.append("- (extrapolated): run on two reduced cases (same grid, fewer steps; or fewer points) and extrapolated linearly "
                + "in the work; its answer is checked on the reduced cases.\n");
        b.append("- agrees: diff2d printed times identical to the reference and final field within 1e-12; auc within a relative "
                + "1e-9 of the exact left Riemann sum. A row that disagrees is kept and marked **NO**.\n");
        return b.toString();
    }

    private static void workload(StringBuilder b, Results res, Results.WorkloadResult w, List<String> charts) {
        Workload wl = w.workload();
        b.append("\n## ").append(wl.name()).append("\n");
        for (Case c : w.cases()) {
            if (c.sweep()) continue;
            b.append("\n### ").append(c.label()).append(String.format(Locale.ROOT, " (%.3g %s)", c.work(), wl.rates().unit()))
                    .append("\n\n");
            if (wl instanceof MpiWorkload) mpiTable(b, w, c);
            else mainTable(b, res, w, c);
        }
        List<Case> sweep = w.cases().stream().filter(Case::sweep).toList();
        if (!sweep.isEmpty()) {
            b.append("\n### Size sweep: compute s (median)\n\n| program |");
            for (Case c : sweep) b.append(" ").append(c.label()).append(" |");
            b.append("\n|---|");
            b.append("---:|".repeat(sweep.size())).append("\n| ").append(wl.rates().unit()).append(" |");
            for (Case c : sweep) b.append(" ").append(Fmt.g(c.work())).append(" |");
            b.append("\n");
            for (Row r : Harness.applicable(w.rows(), sweep.get(0))) {
                b.append("| ").append(r.label()).append(" |");
                for (Case c : sweep) {
                    Summary s = w.summary(r.id(), c);
                    b.append(" ").append(s == null ? "–" : Fmt.g(s.computeMedian()) + (Boolean.FALSE.equals(s.agrees()) ? " **NO**" : ""))
                            .append(" |");
                }
                b.append("\n");
            }
        }
        if (!w.skipped().isEmpty()) {
            b.append("\nNot run:\n\n");
            w.skipped().forEach((id, why) -> b.append("- `").append(id).append("`: ").append(why).append("\n"));
        }
        List<Summary> bad = w.summaries().stream().filter(s -> Boolean.FALSE.equals(s.agrees())).toList();
        if (!bad.isEmpty()) {
            b.append("\nDisagreements and failures:\n\n");
            for (Summary s : bad) b.append("- `").append(s.row().id()).append("` ").append(s.c().label()).append(": ").append(s.detail()).append("\n");
        }
        b.append("\nFlags per row:\n\n");
        for (Row r : w.rows()) {
            Summary s = w.summaries().stream().filter(x -> x.row() == r).findFirst().orElse(null);
            String k = s == null || s.kernel().isEmpty() ? "" : "; kernel: " + s.kernel();
            b.append("- `").append(r.id()).append("`: ").append(r.flags()).append(k).append("\n");
        }
        for (String chart : charts) {
            if (chart.startsWith(wl.name() + "-")) b.append("\n![").append(chart).append("](").append(chart).append(")\n");
        }
    }

    private static void mainTable(StringBuilder b, Results res, Results.WorkloadResult w, Case c) {
        Workload wl = w.workload();
        Summary base = w.summary(wl.baseRow(), c);
        String baseLabel = base == null ? wl.baseRow() : base.row().label();
        b.append("| program | process s (median, min–max) | cold process s | compute s (median) | cold compute s | vs ")
                .append(baseLabel).append(" (process / compute) | ").append(wl.rates().unit()).append("/s | GFlop/s |")
                .append(wl.rates().bytesPerUnit() > 0 ? " GB/s (of triad) |" : "").append(" agrees | load |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|").append(wl.rates().bytesPerUnit() > 0 ? "---:|" : "").append("---|---:|\n");
        for (Row r : Harness.applicable(w.rows(), c)) {
            Summary s = w.summary(r.id(), c);
            if (s == null) continue;
            double rate = c.work() / s.computeMedian();
            b.append("| ").append(r.label()).append(r.extrapolated() ? " (extrapolated)" : "").append(" | ");
            b.append(Fmt.g(s.wallMedian()));
            if (s.warmRuns() > 1 && Double.isFinite(s.wallMin())) {
                b.append(" (").append(Fmt.g(s.wallMin())).append("–").append(Fmt.g(s.wallMax())).append(")");
            }
            b.append(" | ").append(Fmt.g(s.coldWall())).append(" | ").append(Fmt.g(s.computeMedian())).append(" | ")
                    .append(Fmt.g(s.coldCompute())).append(" | ");
            if (base != null) {
                b.append(Fmt.ratio(s.wallMedian() / base.wallMedian())).append(" / ").append(Fmt.ratio(s.computeMedian() / base.computeMedian()));
            } else {
                b.append("–");
            }
            b.append(" | ").append(Fmt.g(rate)).append(" | ").append(Fmt.g(rate * wl.rates().flopsPerUnit() * 1e-9)).append(" |");
            if (wl.rates().bytesPerUnit() > 0) {
                double gbs = rate * wl.rates().bytesPerUnit() * 1e-9;
                Triad.Result t = Triad.forWorkingSet(res.triad(), res.machine(), workingSet(c), r.threads());
                b.append(" ").append(Fmt.g(gbs)).append(t == null ? "" : Fmt.pct(gbs / t.gbs())).append(" |");
            }
            b.append(" ").append(s.failure() != null ? "**NO** (" + s.failure() + ")" : s.agrees() == null ? "n/a" : s.agrees() ? "yes" : "**NO**")
                    .append(" | ").append(Fmt.g(s.loadMax())).append(s.busy() ? " ⚠" : "").append(" |\n");
        }
    }

    private static void mpiTable(StringBuilder b, Results.WorkloadResult w, Case c) {
        boolean bw = c.args().get(0).equals("bandwidth");
        String what = c.args().get(0).equals("allreduce") ? "µs per allreduce" : bw ? "one-way µs at 1 MiB" : "one-way µs";
        b.append("| program | MPI | ").append(what).append(" (median, min–max) | vs C, same MPI |")
                .append(bw ? " GB/s at 1 MiB | peak GB/s |" : "").append(" agrees | process s | load |\n");
        b.append("|---|---|---:|---:|").append(bw ? "---:|---:|" : "").append("---|---:|---:|\n");
        for (Row r : w.rows()) {
            Summary s = w.summary(r.id(), c);
            if (s == null) continue;
            Summary base = w.summary(MpiWorkload.baseFor(r.id()), c);
            b.append("| ").append(r.label()).append(" | ").append(r.id().substring(r.id().lastIndexOf('-') + 1)).append(" | ")
                    .append(Fmt.g(s.computeMedian() * 1e6));
            if (s.warmRuns() > 1) b.append(" (").append(Fmt.g(s.computeMin() * 1e6)).append("–").append(Fmt.g(s.computeMax() * 1e6)).append(")");
            b.append(" | ").append(base == null ? "–" : Fmt.ratio(s.computeMedian() / base.computeMedian())).append(" |");
            if (bw) b.append(" ").append(Fmt.g(s.extraNumber("bandwidth_gbs"))).append(" | ").append(Fmt.g(s.extraNumber("peak_gbs"))).append(" |");
            b.append(" ").append(s.failure() != null ? "**NO** (" + s.failure() + ")" : s.agrees() == null ? "n/a" : s.agrees() ? "yes" : "**NO**")
                    .append(" | ").append(Fmt.g(s.wallMedian())).append(" | ").append(Fmt.g(s.loadMax())).append(s.busy() ? " ⚠" : "")
                    .append(" |\n");
        }
        if (!bw) return;
        List<String> sizes = List.of(c.args().get(2).split(","));
        b.append("\nBandwidth GB/s by message size (last warm run):\n\n| program |");
        for (String z : sizes) b.append(" ").append(Machine.human(Long.parseLong(z))).append(" |");
        b.append("\n|---|").append("---:|".repeat(sizes.size())).append("\n");
        for (Row r : w.rows()) {
            Summary s = w.summary(r.id(), c);
            if (s == null) continue;
            b.append("| ").append(r.id()).append(" |");
            for (String z : sizes) b.append(" ").append(Fmt.g(s.extraNumber("bw_" + z))).append(" |");
            b.append("\n");
        }
    }

    /** Bytes a case keeps live: diff2d two (n+2)² grids; expr three arrays; auc none. */
    static long workingSet(Case c) {
        return switch (c.workload()) {
            case "diff2d" -> 2L * (c.n() + 2) * (c.n() + 2) * 8;
            case "expr" -> 3L * c.n() * 8;
            default -> 0;
        };
    }
}
