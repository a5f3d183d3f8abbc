package org.jhpc.benchmark;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jhpc.core.AtomicFiles;
import org.jhpc.core.UserError;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code jhpc bench model}: measures here what the {@link ScalingModel} needs (the simd kernel's rate on the
 * slides' default case, the ping-pong latency and bandwidth between two ranks, the triad), validates the model
 * against diff2d under mpirun on 1..cores ranks of this machine (model and measurement side by side), then
 * predicts strong and weak scaling from 1 to 10,000 nodes like this one on a named interconnect. Writes model.md,
 * model.csv and model-scaling.png.
 */
public final class ModelCommand {
    private ModelCommand() {}

    /**
     * The interconnect the prediction assumes.
     *
     * @param alpha  one-way MPI latency, seconds
     * @param beta   bandwidth per direction, bytes per second
     * @param source where the two numbers come from
     */
    public record Interconnect(String name, double alpha, double beta, String source) {}

    /**
     * InfiniBand HDR. Sourced: 200 Gb/s per port and an adapter latency under 600 ns (NVIDIA's ConnectX-6 manual and
     * Lenovo's ConnectX-6 HDR product guide, cited in {@link #hdrSources()}). Chosen from them, nominal, not measured:
     * β = 24 GB/s, the 25 GB/s line rate less about 4 % for packet headers; α = 1.0 µs one-way MPI latency, the adapter's
     * figure plus MPI software and one switch hop (no published osu_latency figure was found to cite).
     */
    public static final Interconnect HDR = new Interconnect("InfiniBand HDR 200 Gb/s (NVIDIA ConnectX-6, Quantum switches)",
            1.0e-6, 24e9, "β: the HDR line rate 200 Gb/s = 25 GB/s per direction, taken as 24 GB/s (about 4 % for headers; "
                    + "nominal, not a measured MPI bandwidth); α: the vendor quotes an adapter latency under 0.6 µs, taken as "
                    + "1.0 µs one-way MPI latency through one switch (nominal: MPI software and the switch hop added, no published "
                    + "MPI figure found to cite); sources below");

    /** Where {@link #HDR}'s figures come from: title and address. */
    static String[] hdrSources() {
        return new String[] {
            "NVIDIA, \"ConnectX-6 EN Adapter Cards User Manual: Introduction\" (200 Gb/s InfiniBand and Ethernet ports, "
                    + "latency under 600 ns), https://docs.nvidia.com/networking/display/ConnectX6EN/Introduction",
            "Lenovo Press LP1195, \"ThinkSystem Mellanox ConnectX-6 HDR/200GbE VPI Adapters Product Guide\" (up to 200 Gb/s "
                    + "at under 600 ns latency), https://lenovopress.lenovo.com/lp1195"};
    }

    static final int[] NODES = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 10000};
    /**
     * Strong scaling: the slides' 200² (where it stops paying soon), the sweep's largest grid, 4096², and a 32768² grid
     * (1.07e9 points, 17 GB for two arrays on one node).
     */
    static final long[] STRONG_N = {200, 4096, 32768};
    /** Weak scaling: 8192² points per node (1 GB for two arrays). */
    static final long WEAK_M = 8192;

    public static List<Path> run(BenchOptions o, Progress progress, Path dir) {
        Machine m = Machine.probe();
        Toolchain tools = Toolchain.probe();
        if (tools.mpirun.isEmpty()) throw new UserError("bench model needs mpirun (Debian: openmpi-bin libopenmpi-dev)");
        Context ctx = new Context(o, tools, null, null, m, dir);
        int runs = o.quick() ? 1 : Math.max(3, Math.min(o.runs(), 5));
        Case c = o.tiny() ? Diff2dWorkload.grid(32, 50, false) : Diff2dWorkload.slidesDefault();
        int cores = m.cores();
        progress.start((long) runs * (2 + cores));
        List<Double> rate = new ArrayList<>(), lat = new ArrayList<>(), bw = new ArrayList<>();
        List<List<Double>> mpiCompute = new ArrayList<>(), mpiHalo = new ArrayList<>();
        for (int r = 0; r < cores; r++) {
            mpiCompute.add(new ArrayList<>());
            mpiHalo.add(new ArrayList<>());
        }
        double loadMax = 0;
        List<String> failures = new ArrayList<>();
        for (int run = 0; run < runs; run++) {   // interleaved: kernel, ping-pong, 1..cores ranks, again
            loadMax = Math.max(loadMax, Machine.load());
            progress.step("model: simd kernel rate, run " + (run + 1));
            List<String> simd = new ArrayList<>(List.of("diff2d", "--variant", "simd", "--timing"));
            simd.addAll(c.args());
            Proc.Outcome k = Proc.run(Invocation.of(ctx.jhpc(simd)), null, o.deadline());
            if (noted(k, "jhpc diff2d --variant simd", progress, failures)) rate.add(c.work() / Parse.computeSeconds(k));
            progress.step("model: ping-pong, run " + (run + 1));
            Proc.Outcome pp = Proc.run(Invocation.of(ctx.mpirun(2, ctx.jhpc(MpiWorkload.pingpongArgs()))), null, o.deadline());
            if (noted(pp, "jhpc mpi pingpong", progress, failures)) {
                Map<String, String> kv = Parse.keyValues(pp.out());
                lat.add(Parse.number(kv.get("latency_us")) * 1e-6);
                bw.add(Parse.number(kv.get("bandwidth_gbs")) * 1e9);
            }
            for (int ranks = 1; ranks <= cores; ranks++) {
                progress.step("model: diff2d on " + ranks + " rank(s), run " + (run + 1));
                List<String> a = new ArrayList<>(List.of("diff2d", "--variant", "mpi", "--timing"));
                a.addAll(c.args());
                Proc.Outcome d = Proc.run(Invocation.of(ctx.mpirun(ranks, ctx.jhpc(a))), null, o.deadline());
                if (noted(d, "mpirun -np " + ranks + " jhpc diff2d --variant mpi", progress, failures)) {
                    mpiCompute.get(ranks - 1).add(Parse.computeSeconds(d));
                    mpiHalo.get(ranks - 1).add(Parse.number(Parse.keyValues(d.err()).get("halo_seconds_per_step")));
                }
            }
        }
        progress.note("measuring the triad for the node's memory-bandwidth limit");
        List<Triad.Result> triad = Triad.measure(m, true);
        progress.done();

        if (rate.isEmpty() || lat.isEmpty()) {
            throw new UserError("bench model: no successful kernel or ping-pong run (" + String.join("; ", failures) + ")");
        }
        double r1 = Stats.median(rate), alpha = Stats.median(lat), beta = Stats.median(bw);
        ScalingModel here = new ScalingModel(r1, alpha, beta);
        Triad.Result dram = Triad.forWorkingSet(triad, m, Long.MAX_VALUE, cores);
        double nodeRate = Math.min(r1 * cores, dram == null ? Double.MAX_VALUE : dram.gbs() * 1e9 / 16);
        ScalingModel net = new ScalingModel(nodeRate, HDR.alpha(), HDR.beta());

        StringBuilder md = new StringBuilder();
        StringBuilder csv = new StringBuilder("table,ranks_or_nodes,measured_compute_s,model_compute_s,measured_halo_s_per_step,"
                + "model_halo_s_per_step,strong_speedup,strong_efficiency,weak_efficiency\n");
        md.append("# diff2d under MPI: scaling model, ").append(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .append("\n\n");
        md.append(String.format(Locale.ROOT, "- machine: %s, %d cores, %s; git %s; load average up to %.2f while measuring%s%n",
                m.cpu(), cores, m.caches(), Provenance.gitSha(o.root()), loadMax, m.busy(loadMax) ? " (**busy**: noisy)" : ""));
        md.append(String.format(Locale.ROOT, "- measured here (medians of %d interleaved runs): simd kernel R = %.3g cell updates/s "
                + "on one core (%s); ping-pong between two ranks on this machine α = %.3g µs, β = %.3g GB/s (8 MiB)%n",
                runs, r1, c.label(), alpha * 1e6, beta * 1e-9));
        md.append(String.format(Locale.ROOT, "- node for the prediction: this machine, one rank per node computing at min(R × %d cores, "
                + "DRAM triad %s GB/s / 16 bytes) = %.3g cell updates/s%n", cores, dram == null ? "?" : Fmt.g(dram.gbs()), nodeRate));
        md.append("- interconnect: ").append(HDR.name()).append(String.format(Locale.ROOT, ": α = %.2g µs, β = %.3g GB/s; ", HDR.alpha() * 1e6,
                HDR.beta() * 1e-9)).append(HDR.source()).append("\n");
        for (String src : hdrSources()) md.append("  - source: ").append(src).append("\n");
        for (String f : failures) md.append("- failed run (left out of the medians): ").append(f).append("\n");
        md.append("\nModel: T(P) = (n²/P)/R + H(P), H = per cut dimension 2·(α + 8·edge/β) (see ScalingModel's javadoc).\n");

        md.append("\n## Validation on this machine: ").append(c.label()).append(", ").append(c.steps()).append(" steps\n\n");
        md.append("| ranks | measured compute s | model compute s | measured halo s/step (rank 0) | model halo s/step |\n|---:|---:|---:|---:|---:|\n");
        for (int ranks = 1; ranks <= cores; ranks++) {
            double meas = Stats.median(mpiCompute.get(ranks - 1)), halo = Stats.median(mpiHalo.get(ranks - 1));
            double model = c.steps() * here.step(c.n(), ranks);
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s |%n", ranks, Fmt.g(meas), Fmt.g(model), Fmt.g(halo),
                    Fmt.g(here.halo(c.n(), ranks))));
            csv.append(String.format(Locale.ROOT, "validation,%d,%s,%s,%s,%s,,,%n", ranks, CsvReport.num(meas), CsvReport.num(model),
                    CsvReport.num(halo), CsvReport.num(here.halo(c.n(), ranks))));
        }
        md.append("\nThe ranks here share one machine's cores (and, while measured, the other jobs on it): the measured halo time "
                + "includes each rank waiting for the other, which the model does not count.\n");

        md.append(String.format(Locale.ROOT, "%n## Prediction: %s; strong scaling of fixed grids, weak scaling with %d² points per node%n%n",
                HDR.name(), WEAK_M));
        md.append("| nodes |");
        for (long n : STRONG_N) md.append(" strong ").append(n).append("²: s/step | speed-up | efficiency |");
        md.append(" weak: s/step | efficiency |\n|---:|").append("---:|---:|---:|".repeat(STRONG_N.length)).append("---:|---:|\n");
        List<Double> xs = new ArrayList<>(), weak = new ArrayList<>();
        List<List<Double>> strong = new ArrayList<>();
        for (long n : STRONG_N) strong.add(new ArrayList<>());
        for (int p : NODES) {
            double w = net.weakEfficiency(WEAK_M, p);
            long wn = Math.round(WEAK_M * Math.sqrt(p));
            md.append("| ").append(p).append(" |");
            for (int i = 0; i < STRONG_N.length; i++) {
                double sp = net.strongSpeedup(STRONG_N[i], p);
                md.append(String.format(Locale.ROOT, " %s | %s | %.0f %% |", Fmt.g(net.step(STRONG_N[i], p)), Fmt.g(sp), 100 * sp / p));
                strong.get(i).add(sp);
                csv.append(String.format(Locale.ROOT, "strong-%d,%d,,,,%s,%s,%s,%n", STRONG_N[i], p, CsvReport.num(net.halo(STRONG_N[i], p)),
                        CsvReport.num(sp), CsvReport.num(sp / p)));
            }
            md.append(String.format(Locale.ROOT, " %s | %.0f %% |%n", Fmt.g(net.step(wn, p)), 100 * w));
            csv.append(String.format(Locale.ROOT, "weak-%d,%d,,,,%s,,,%s%n", WEAK_M, p, CsvReport.num(net.halo(wn, p)), CsvReport.num(w)));
            xs.add((double) p);
            weak.add(w * p);
        }
        md.append("\n## What limits scaling\n\n");
        md.append("- Strong scaling stops paying where a step's halo time catches up with its compute time: compute falls as 1/P, "
                + "the halo only as 1/√P, and its latency part (4α per step once both dimensions are cut) not at all, so the "
                + "speed-up saturates near (one node's step) / 4α.\n");
        for (long n : STRONG_N) {
            int limit = net.strongLimit(n, NODES, 0.5);
            if (limit < 0) {
                md.append(String.format(Locale.ROOT, "- %d²: efficiency stays above 50 %% up to 10,000 nodes (%.0f %% there).%n", n,
                        100 * net.strongSpeedup(n, 10000) / 10000));
            } else {
                md.append(String.format(Locale.ROOT, "- %d²: efficiency falls below 50 %% at %d nodes: blocks of about %d² points, a step of "
                        + "%s s of which %s s is halo.%n", n, limit, Math.round(n / Math.sqrt(limit)), Fmt.g(net.step(n, limit)),
                        Fmt.g(net.halo(n, limit))));
            }
        }
        md.append("- Weak scaling stays near flat: each node's block, and so its halo, keeps its size; only the neighbour count "
                + "grows from 0 (1 node) to 4, so the efficiency settles at compute / (compute + 4·(α + edge·8/β)).\n");
        md.append("- Left out (they only make it worse): waiting for the slowest neighbour (OS noise grows with P), network "
                + "contention and topology, the gathers of the printed times (one every outtime, O(n²) bytes to rank 0, which at 10,000 "
                + "nodes would dominate unless output is dropped or written in parallel), and the node's own threading overhead.\n");
        md.append("- The validation here is on one 2-core machine; the rates measured under load are noisy; shared-memory ping-pong "
                + "(α, β above) is not a network. The prediction inherits the measured kernel rate, not any measured network.\n");
        md.append("\n![model-scaling.png](model-scaling.png)\n");

        System.setProperty("java.awt.headless", "true");
        XYChart ch = new XYChartBuilder().width(900).height(600).title("diff2d on " + HDR.name().split(" \\(")[0] + ": model")
                .xAxisTitle("nodes").yAxisTitle("speed-up over 1 node").build();
        ch.getStyler().setXAxisLogarithmic(true);
        ch.getStyler().setYAxisLogarithmic(true);
        ch.getStyler().setChartBackgroundColor(Color.WHITE);
        ch.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        XYSeries ideal = ch.addSeries("ideal", xs, xs);
        ideal.setMarker(SeriesMarkers.NONE);
        ideal.setLineColor(Color.GRAY);
        for (int i = 0; i < STRONG_N.length; i++) ch.addSeries("strong, " + STRONG_N[i] + "² grid", xs, strong.get(i));
        ch.addSeries("weak, " + WEAK_M + "² per node (scaled speed-up)", xs, weak);

        List<Path> files = new ArrayList<>();
        Path png = dir.resolve("model-scaling.png");
        AtomicFiles.write(png, out -> ImageIO.write(BitmapEncoder.getBufferedImage(ch), "png", out));
        Path c1 = dir.resolve("model.csv");
        AtomicFiles.write(c1, out -> out.write(csv.toString().getBytes(StandardCharsets.UTF_8)));
        Path m1 = dir.resolve("model.md");
        AtomicFiles.write(m1, out -> out.write(md.toString().getBytes(StandardCharsets.UTF_8)));
        files.add(m1);
        files.add(c1);
        files.add(png);
        return files;
    }

    /** True when {@code o} succeeded; otherwise notes the failure (with the end of its output) and returns false. */
    private static boolean noted(Proc.Outcome o, String what, Progress progress, List<String> failures) {
        if (o.ok()) return true;
        String tail = (o.out() + o.err()).strip();
        tail = tail.length() > 200 ? tail.substring(tail.length() - 200) : tail;
        String line = what + ": " + o.failure() + (tail.isEmpty() ? "" : " [" + tail.replaceAll("\\s+", " ") + "]");
        failures.add(line);
        progress.note("warning: " + line);
        return false;
    }
}
