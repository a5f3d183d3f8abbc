package org.jhpc.benchmark;

import java.util.Locale;

/** Number formats of the tables: three significant digits, "–" for what was not measured. */
final class Fmt {
    private Fmt() {}

    static String g(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return "–";
        double a = Math.abs(x);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) return String.format(Locale.ROOT, "%.2e", x);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3g", x);
    }

    static String ratio(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return "–";
        return String.format(Locale.ROOT, x >= 10 ? "%.0f×" : x >= 0.1 ? "%.2f×" : "%.3f×", x);
    }

    static String pct(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) return "";
        return String.format(Locale.ROOT, " (%.0f %%)", 100 * x);
    }
}
