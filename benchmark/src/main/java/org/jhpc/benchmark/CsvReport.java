package org.jhpc.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CSV: one line per program × case × run (the cold run is run 0), with the measured times, the load, the
 * agreement, the row's flags and the whole provenance on every line (so that lines from different result sets can
 * be pooled and still say where they came from).
 */
public final class CsvReport {
    private CsvReport() {}

    static final List<String> COLUMNS = List.of("workload", "row", "label", "language", "kind", "threads", "ranks", "case",
            "n", "work", "run", "cold", "extrapolated", "process_s", "compute_s", "load1", "busy", "agrees", "detail",
            "failure", "kernel", "flags");

    public static String render(Results res) {
        StringBuilder b = new StringBuilder();
        List<String> head = new ArrayList<>(COLUMNS);
        head.addAll(res.provenance().fields().keySet());
        b.append(String.join(",", head)).append("\n");
        for (Results.WorkloadResult w : res.workloads()) {
            for (Measurement m : w.measurements()) {
                Row r = m.row();
                List<String> f = new ArrayList<>(List.of(w.workload().name(), r.id(), r.label(), r.language(), r.kind().name(),
                        String.valueOf(r.threads()), String.valueOf(r.ranks()), m.c().label(), String.valueOf(m.c().n()),
                        num(m.c().work()), String.valueOf(m.run()), String.valueOf(m.cold()), String.valueOf(r.extrapolated()),
                        num(m.wall()), num(m.compute()), num(m.load()), String.valueOf(m.busy()),
                        m.answer().agrees() == null ? "" : String.valueOf(m.answer().agrees() && m.ok()),
                        m.answer().detail(), m.failure() == null ? "" : m.failure(), m.kernel(), r.flags()));
                f.addAll(res.provenance().fields().values());
                b.append(String.join(",", f.stream().map(CsvReport::quote).toList())).append("\n");
            }
        }
        return b.toString();
    }

    static String num(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.9g", x);
    }

    static String quote(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"").replace("\n", " ") + '"';
    }
}
