package org.jhpc.profiler;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jhpc.core.AtomicFiles;
import org.jhpc.core.PyFloat;

/**
 * {@code --json FILE}: the reports' data in the schema, written atomically:
 * <pre>{"samples": N, "kind": "cpu|execution|wall", "truncated": T,
 *  "methods": [{"method": "pkg.Class.name", "self": f, "total": f[, "calls": c]}],
 *  "lines": [{"method": ..., "file": ..., "line": n, "fraction": f, "source": "..."[, "hits": h]}],
 *  "allocations": [{"method": ..., "line": n, "bytes": b, "stderr": e[, "exact_bytes": x]}]}</pre>
 * The bracketed keys are there under {@code --exact} (-1: not instrumented). T counts truncated stacks.
 * Fractions are of all time samples; methods come in cumulative order; lines are those of the line report's
 * methods that had samples; allocations are the sampled estimates per line, largest first; a source line that
 * was not found is the empty string.
 */
public final class JsonReport {
    private JsonReport() {}

    public static String json(ProfileData d, List<MethodLines> lines) {
        long n = d.samples();
        StringBuilder sb = new StringBuilder(1 << 16);
        boolean exact = !d.exact().isEmpty();
        sb.append("{\"samples\": ").append(n).append(", \"kind\": ").append(str(d.kind().name().toLowerCase(
                java.util.Locale.ROOT))).append(", \"truncated\": ").append(d.recording().truncated())
                .append(",\n \"methods\": [");
        String sep = "";
        for (MethodStat m : d.methods(SortKey.CUMULATIVE)) {
            if (m.total() == 0 && m.calls() <= 0) continue;
            sb.append(sep).append("\n  {\"method\": ").append(str(m.method()))
                    .append(", \"self\": ").append(frac(m.self(), n))
                    .append(", \"total\": ").append(frac(m.total(), n));
            if (exact) sb.append(", \"calls\": ").append(m.calls());
            sb.append('}');
            sep = ",";
        }
        sb.append("],\n \"lines\": [");
        sep = "";
        for (MethodLines ml : lines) {
            for (LineStat l : ml.lines()) {
                if (l.samples() == 0 && l.hits() <= 0) continue;
                sb.append(sep).append("\n  {\"method\": ").append(str(l.method()))
                        .append(", \"file\": ").append(str(l.file()))
                        .append(", \"line\": ").append(l.line())
                        .append(", \"fraction\": ").append(frac(l.samples(), n))
                        .append(", \"source\": ").append(str(l.source() == null ? "" : l.source()));
                if (exact) sb.append(", \"hits\": ").append(l.hits());
                sb.append('}');
                sep = ",";
            }
        }
        sb.append("],\n \"allocations\": [");
        sep = "";
        for (AllocStat a : d.allocationsByLine()) {
            if (a.samples() == 0 && a.exactBytes() <= 0) continue;
            sb.append(sep).append("\n  {\"method\": ").append(str(a.method()))
                    .append(", \"line\": ").append(a.line())
                    .append(", \"bytes\": ").append(a.bytes())
                    .append(", \"stderr\": ").append(Math.round(a.stderr()));
            if (exact) sb.append(", \"exact_bytes\": ").append(a.exactBytes());
            sb.append('}');
            sep = ",";
        }
        sb.append("]}\n");
        return sb.toString();
    }

    public static void write(Path file, ProfileData d, List<MethodLines> lines) {
        byte[] bytes = json(d, lines).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, (OutputStream out) -> out.write(bytes));
    }

    private static String frac(long k, long n) {
        return n == 0 ? "0.0" : PyFloat.repr((double) k / n);
    }

    /** A JSON string literal. */
    static String str(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
