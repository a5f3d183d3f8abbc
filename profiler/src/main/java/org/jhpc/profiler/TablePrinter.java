package org.jhpc.profiler;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: columns right-aligned to their widest cell, except the last, which is left-aligned and
 * free-running (a method name or a source line), as in cProfile's and line_profiler's reports.
 */
public final class TablePrinter {
    private final String[] headers;
    private final List<String[]> rows = new ArrayList<>();
    private boolean rule;

    public TablePrinter(String... headers) {
        this.headers = headers.clone();
    }

    /** Draws a line of '=' under the headers, like line_profiler. */
    public TablePrinter rule() {
        rule = true;
        return this;
    }

    public TablePrinter row(Object... cells) {
        if (cells.length != headers.length) throw new IllegalArgumentException("row has " + cells.length + " cells");
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) r[i] = cells[i] == null ? "" : cells[i].toString();
        rows.add(r);
        return this;
    }

    public int size() {
        return rows.size();
    }

    public void print(PrintWriter out) {
        int n = headers.length;
        int[] w = new int[n];
        for (int i = 0; i < n; i++) w[i] = headers[i].length();
        for (String[] r : rows) {
            for (int i = 0; i < n - 1; i++) w[i] = Math.max(w[i], r[i].length());
        }
        String head = line(headers, w);
        out.println(head);
        if (rule) out.println("=".repeat(Math.max(head.length(), 40)));
        for (String[] r : rows) out.println(line(r, w));
    }

    private static String line(String[] cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) sb.append("  ");
            if (i < cells.length - 1) {
                sb.append(" ".repeat(w[i] - cells[i].length())).append(cells[i]);
            } else {
                sb.append(cells[i]);
            }
        }
        return sb.toString().stripTrailing();
    }

    /** A number as short as it can be: 1, 0.5, 2.25. */
    public static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : java.math.BigDecimal.valueOf(v).stripTrailingZeros()
                .toPlainString();
    }

    /** A percentage with one decimal. */
    public static String pct(double p) {
        return String.format(java.util.Locale.ROOT, "%.1f", p);
    }

    /** Bytes in binary units with three significant-ish digits: 812 B, 1.5 KiB, 302.0 MiB. */
    public static String bytes(long b) {
        if (b < 0) return "";
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = b;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? b + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
