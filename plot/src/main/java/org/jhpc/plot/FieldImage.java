package org.jhpc.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Draws a square field the way the tutorial's {@code plotdens} does with matplotlib: {@code imshow} without
 * interpolation (nearest grid point per pixel), row 0 at the top, {@code extent = (x1, x2, x1, x2)}, colours from
 * {@link Colormap#NIPY_SPECTRAL} between vmin and vmax, axes with ticks, a colorbar, and a title.
 */
public final class FieldImage {
    /** Reads the field's value at (row i, column j) of an n × n grid. */
    @FunctionalInterface
    public interface Values {
        double get(int i, int j);
    }

    public static final int WIDTH = 640;
    public static final int HEIGHT = 520;
    /** The plot area: a square whose top-left pixel is (LEFT, TOP). */
    public static final int LEFT = 70, TOP = 40, SIDE = 420;
    static final int BAR_LEFT = LEFT + SIDE + 30, BAR_WIDTH = 24;

    private final Colormap cmap;
    private final double vmin, vmax;

    public FieldImage(Colormap cmap, double vmin, double vmax) {
        this.cmap = cmap;
        this.vmin = vmin;
        this.vmax = vmax;
    }

    /**
     * Writes {@code img} as PNG to {@code out} through an in-memory cache: {@code ImageIO.write(img, "png", out)}
     * would cache through a file {@code imageioNNN.tmp} in {@code java.io.tmpdir} that a killed JVM leaves behind.
     */
    public static void writePng(java.awt.image.RenderedImage img, java.io.OutputStream out) throws java.io.IOException {
        try (var ios = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
            if (!javax.imageio.ImageIO.write(img, "png", ios)) throw new java.io.IOException("no PNG writer");
        }
    }

    public BufferedImage render(int n, Values v, double x1, double x2, String title) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        int[] px = new int[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            int i = Math.min(n - 1, (int) ((y + 0.5) * n / SIDE));
            for (int x = 0; x < SIDE; x++) {
                int j = Math.min(n - 1, (int) ((x + 0.5) * n / SIDE));
                px[y * SIDE + x] = cmap.argb(v.get(i, j), vmin, vmax);
            }
        }
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            img.setRGB(LEFT, TOP, SIDE, SIDE, px, 0, SIDE);
            for (int y = 0; y < SIDE; y++) {
                double t = 1 - (y + 0.5) / SIDE;
                g.setColor(new Color(cmap.argb(vmin + t * (vmax - vmin), vmin, vmax)));
                g.drawLine(BAR_LEFT, TOP + y, BAR_LEFT + BAR_WIDTH - 1, TOP + y);
            }
            decorate(g, x1, x2, title);
        } finally {
            g.dispose();
        }
        return img;
    }

    private void decorate(Graphics2D g, double x1, double x2, String title) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT - 1, TOP - 1, SIDE + 1, SIDE + 1);
        g.drawRect(BAR_LEFT - 1, TOP - 1, BAR_WIDTH + 1, SIDE + 1);
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            var fm = g.getFontMetrics();
            for (double t : Ticks.nice(x1, x2)) {
                String label = Ticks.label(t);
                int px = LEFT + (int) Math.round((t - x1) / (x2 - x1) * SIDE);
                int py = TOP + SIDE - (int) Math.round((t - x1) / (x2 - x1) * SIDE);
                g.drawLine(px, TOP + SIDE, px, TOP + SIDE + 5);
                g.drawString(label, px - fm.stringWidth(label) / 2, TOP + SIDE + 8 + fm.getAscent());
                g.drawLine(LEFT - 6, py, LEFT - 1, py);
                g.drawString(label, LEFT - 9 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
            }
            for (double t : Ticks.nice(vmin, vmax)) {
                int py = TOP + SIDE - (int) Math.round((t - vmin) / (vmax - vmin) * SIDE);
                g.drawLine(BAR_LEFT + BAR_WIDTH, py, BAR_LEFT + BAR_WIDTH + 4, py);
                g.drawString(Ticks.label(t), BAR_LEFT + BAR_WIDTH + 7, py + fm.getAscent() / 2 - 1);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            fm = g.getFontMetrics();
            g.drawString(title, LEFT + (SIDE - fm.stringWidth(title)) / 2, TOP - 14);
        } catch (RuntimeException | Error noFonts) {
            // no usable font on this machine: the picture stays valid without labels
        }
    }

    /** Axis tick positions at 1, 2 or 5 × 10^k, about five per axis. */
    static final class Ticks {
        static double[] nice(double lo, double hi) {
            double raw = (hi - lo) / 5;
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = raw / mag >= 5 ? 5 * mag : raw / mag >= 2 ? 2 * mag : mag;
            double first = Math.ceil(lo / step - 1e-9) * step;
            int count = (int) Math.floor((hi - first) / step + 1e-9) + 1;
            double[] t = new double[Math.max(0, count)];
            for (int k = 0; k < t.length; k++) t[k] = first + k * step;
            return t;
        }

        static String label(double v) {
            if (Math.abs(v) < 1e-12) v = 0;
            String s = String.format(Locale.ROOT, "%.6g", v);
            if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            return s;
        }
    }
}
