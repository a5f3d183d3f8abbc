package org.jhpc.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads what the programs print: {@code key=value} lines (the last one of a key wins) and the area line. */
public final class Parse {
    private Parse() {}

    /** Every {@code key=value} line of {@code text} (value up to the first space). */
    public static Map<String, String> keyValues(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq <= 0 || line.substring(0, eq).contains(" ")) continue;
            String v = line.substring(eq + 1).strip();
            int sp = v.indexOf(' ');
            m.put(line.substring(0, eq).strip(), sp < 0 ? v : v.substring(0, sp));
        }
        return m;
    }

    /**
     * The program's own compute time: compute_seconds=, else median_seconds= (an expression's evaluation, from
     * {@code jhpc expr --bench}), else latency_us= in seconds (a ping-pong's one-way time); NaN when none.
     */
    public static double computeSeconds(Proc.Outcome o) {
        Map<String, String> kv = keyValues(o.out() + "\n" + o.err());
        if (kv.containsKey("compute_seconds")) return number(kv.get("compute_seconds"));
        if (kv.containsKey("median_seconds")) return number(kv.get("median_seconds"));
        if (kv.containsKey("latency_us")) return number(kv.get("latency_us")) * 1e-6;
        return Double.NaN;
    }

    public static double number(String s) {
        if (s == null) return Double.NaN;
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The number after "The area is", NaN when absent. */
    public static double area(String stdout) {
        for (String line : stdout.split("\\R")) {
            String l = line.strip();
            if (l.startsWith("The area is ")) return number(l.substring("The area is ".length()));
        }
        return Double.NaN;
    }
}
