package org.jhpc.benchmark;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNG charts, drawn with XChart (headless): per workload, the main case's times per row on a log scale
 * (compute and whole process); time against size over the sweep (log-log); and speed-up against threads or ranks
 * for each family of rows that runs at 1..cores, with the ideal line.
 */
public final class Charts {
    private Charts() {}

    /** A chart's file name and its image. */
    public record Png(String name, BufferedImage image) {}

    public static List<Png> draw(Results res) {
        System.setProperty("java.awt.headless", "true");
        List<Png> out = new ArrayList<>();
        for (Results.WorkloadResult w : res.workloads()) {
            for (Case c : w.cases()) {
                if (!c.sweep()) {
                    rows(w, c).ifPresent(ch -> out.add(new Png(w.workload().name() + "-rows.png", BitmapEncoder.getBufferedImage(ch))));
                    break;
                }
            }
            sizes(w).ifPresent(ch -> out.add(new Png(w.workload().name() + "-sizes.png", BitmapEncoder.getBufferedImage(ch))));
            scaling(w).ifPresent(ch -> out.add(new Png(w.workload().name() + "-scaling.png", BitmapEncoder.getBufferedImage(ch))));
        }
        return out;
    }

    static java.util.Optional<CategoryChart> rows(Results.WorkloadResult w, Case c) {
        List<String> names = new ArrayList<>();
        List<Double> compute = new ArrayList<>(), process = new ArrayList<>();
        for (Row r : Harness.applicable(w.rows(), c)) {
            Summary s = w.summary(r.id(), c);
            if (s == null || !(s.computeMedian() > 0)) continue;
            if (!(s.wallMedian() > 0) && !Double.isNaN(s.wallMedian())) continue;
            names.add(r.id());
            compute.add(s.computeMedian());
            process.add(s.wallMedian() > 0 ? s.wallMedian() : s.computeMedian());
        }
        if (names.isEmpty()) return java.util.Optional.empty();
        boolean mpi = w.workload() instanceof MpiWorkload;
        CategoryChart ch = new CategoryChartBuilder().width(Math.max(900, 48 * names.size())).height(560)
                .title(w.workload().name() + ", " + c.label() + ": time per row (log scale)").xAxisTitle("row")
                .yAxisTitle(mpi ? "seconds (compute = one-way latency)" : "seconds").build();
        ch.getStyler().setYAxisLogarithmic(true);
        double lo = java.util.stream.Stream.concat(compute.stream(), process.stream()).mapToDouble(Double::doubleValue).min().orElse(1);
        double hi = java.util.stream.Stream.concat(compute.stream(), process.stream()).mapToDouble(Double::doubleValue).max().orElse(1);
        ch.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(lo))));   // bars start from here, not from 0
        ch.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(hi))));
        ch.getStyler().setXAxisLabelRotation(60);
        ch.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        ch.getStyler().setChartBackgroundColor(Color.WHITE);
        ch.getStyler().setOverlapped(false);
        ch.addSeries(mpi ? "latency" : "compute (own timer)", names, compute);
        ch.addSeries("whole process", names, process);
        return java.util.Optional.of(ch);
    }

    static java.util.Optional<XYChart> sizes(Results.WorkloadResult w) {
        List<Case> sweep = w.cases().stream().filter(Case::sweep).toList();
        if (sweep.size() < 2) return java.util.Optional.empty();
        XYChart ch = new XYChartBuilder().width(900).height(600)
                .title(w.workload().name() + ": compute time against size (log-log)")
                .xAxisTitle(w.workload().name().equals("diff2d") ? "grid points per side" : "n")
                .yAxisTitle("compute seconds per " + Fmt.g(sweep.get(0).work() / sweep.get(0).n()) + " " + w.workload().rates().unit() + " per n (see table)")
                .build();
        ch.setYAxisTitle("compute seconds (median)");
        ch.getStyler().setXAxisLogarithmic(true);
        ch.getStyler().setYAxisLogarithmic(true);
        ch.getStyler().setChartBackgroundColor(Color.WHITE);
        ch.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (Row r : Harness.applicable(w.rows(), sweep.get(0))) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (Case c : sweep) {
                Summary s = w.summary(r.id(), c);
                if (s != null && s.computeMedian() > 0 && Double.isFinite(s.computeMedian())) {
                    x.add((double) c.n());
                    y.add(s.computeMedian());
                }
            }
            if (!x.isEmpty()) ch.addSeries(r.id(), x, y);
        }
        return ch.getSeriesMap().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ch);
    }

    /** Families of rows that differ only in their thread or rank count: id prefix to (count, compute median). */
    static Map<String, Map<Integer, Double>> families(Results.WorkloadResult w, Case c) {
        Map<String, Map<Integer, Double>> fam = new LinkedHashMap<>();
        for (Row r : w.rows()) {
            int dash = r.id().lastIndexOf('-');
            if (dash < 0) continue;
            String suffix = r.id().substring(dash + 1);
            if (!suffix.matches("[0-9]+")) continue;
            Summary s = w.summary(r.id(), c);
            if (s == null || !(s.computeMedian() > 0)) continue;
            fam.computeIfAbsent(r.id().substring(0, dash), k -> new LinkedHashMap<>()).put(Integer.parseInt(suffix), s.computeMedian());
        }
        fam.values().removeIf(m -> !m.containsKey(1) || m.size() < 2);
        return fam;
    }

    static java.util.Optional<XYChart> scaling(Results.WorkloadResult w) {
        Case c = w.cases().stream().filter(x -> !x.sweep()).findFirst().orElse(null);
        if (c == null) return java.util.Optional.empty();
        Map<String, Map<Integer, Double>> fam = families(w, c);
        if (fam.isEmpty()) return java.util.Optional.empty();
        XYChart ch = new XYChartBuilder().width(800).height(600)
                .title(w.workload().name() + ", " + c.label() + ": speed-up against threads / ranks").xAxisTitle("threads or ranks")
                .yAxisTitle("speed-up over 1 (compute time)").build();
        ch.getStyler().setChartBackgroundColor(Color.WHITE);
        ch.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        int max = fam.values().stream().flatMap(m -> m.keySet().stream()).max(Integer::compare).orElse(1);
        List<Double> ix = new ArrayList<>();
        for (int t = 1; t <= max; t++) ix.add((double) t);
        XYSeries ideal = ch.addSeries("ideal", ix, ix);
        ideal.setMarker(SeriesMarkers.NONE);
        ideal.setLineColor(Color.GRAY);
        for (var e : fam.entrySet()) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            double one = e.getValue().get(1);
            e.getValue().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(p -> {
                x.add((double) p.getKey());
                y.add(one / p.getValue());
            });
            ch.addSeries(e.getKey(), x, y);
        }
        return java.util.Optional.of(ch);
    }
}
