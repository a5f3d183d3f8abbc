package org.jhpc.benchmark;

import java.util.List;
import java.util.Map;

/**
 * One row on one case, summarised over its runs: the warm runs' medians and ranges, the cold run apart, whether
 * every run's answer agreed, and the load.
 */
public record Summary(Row row, Case c, int warmRuns, double wallMedian, double wallMin, double wallMax, double coldWall,
        double computeMedian, double computeMin, double computeMax, double coldCompute, Boolean agrees, String detail,
        String failure, boolean busy, double loadMax, String kernel, Map<String, String> extra) {

    static Summary of(Row row, Case c, List<Measurement> ms) {
        List<Measurement> warm = ms.stream().filter(m -> !m.cold() && m.ok()).toList();
        Measurement cold = ms.stream().filter(Measurement::cold).findFirst().orElse(null);
        List<Double> wall = warm.stream().map(Measurement::wall).toList();
        List<Double> comp = warm.stream().map(Measurement::compute).toList();
        Boolean agrees = null;
        String detail = "";
        for (Measurement m : ms) {
            Boolean a = m.ok() ? m.answer().agrees() : Boolean.FALSE;
            if (a == null) {
                if (detail.isEmpty()) detail = m.answer().detail();
                continue;
            }
            if (agrees == null || (agrees && !a)) {
                agrees = a;
                detail = m.ok() ? m.answer().detail() : m.failure();
            }
        }
        String failure = ms.stream().map(Measurement::failure).filter(f -> f != null).findFirst().orElse(null);
        boolean busy = ms.stream().anyMatch(Measurement::busy);
        double loadMax = ms.stream().mapToDouble(Measurement::load).max().orElse(Double.NaN);
        String kernel = ms.stream().map(Measurement::kernel).filter(k -> k != null && !k.isEmpty()).findFirst().orElse("");
        Map<String, String> extra = warm.isEmpty() ? (ms.isEmpty() ? Map.of() : ms.getLast().extra()) : warm.getLast().extra();
        return new Summary(row, c, warm.size(), Stats.median(wall), Stats.min(wall), Stats.max(wall),
                cold != null && cold.ok() ? cold.wall() : Double.NaN, Stats.median(comp), Stats.min(comp), Stats.max(comp),
                cold != null && cold.ok() ? cold.compute() : Double.NaN, agrees, detail, failure, busy, loadMax, kernel, extra);
    }

    /** Median of extra key {@code k} over the warm runs would need them all; the last warm run's value is kept. */
    public double extraNumber(String k) {
        return Parse.number(extra.get(k));
    }
}
