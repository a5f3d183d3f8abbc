package org.jhpc.plot;

/**
 * A piecewise-linear colormap on [0, 1], given as anchor positions and RGB values (matplotlib's
 * {@code LinearSegmentedColormap} without discontinuities). {@link #NIPY_SPECTRAL} is the map the tutorial's
 * {@code plotdens} uses; its anchors are matplotlib's published {@code nipy_spectral} data.
 */
public final class Colormap {
    private final double[] pos;
    private final double[][] rgb;
    private final int[] lut = new int[1024];

    private Colormap(double[] pos, double[][] rgb) {
        this.pos = pos;
        this.rgb = rgb;
        for (int i = 0; i < lut.length; i++) lut[i] = interpolate(i / (double) (lut.length - 1));
    }

    /** Black → purple → blue → cyan → green → yellow → red → grey, 21 anchors 0.05 apart. */
    public static final Colormap NIPY_SPECTRAL = nipySpectral();

    private static Colormap nipySpectral() {
        double[] r = {0, .4667, .5333, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, .7333, .9333, 1, 1, 1, .8667, .8, .8};
        double[] g = {0, 0, 0, 0, 0, .4667, .6, .6667, .6667, .6, .7333, .8667, 1, 1, .9333, .8, .6, 0, 0, 0, .8};
        double[] b = {0, .5333, .6, .6667, .8667, .8667, .8667, .6667, .5333, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, .8};
        double[] pos = new double[21];
        double[][] rgb = new double[21][];
        for (int i = 0; i < 21; i++) {
            pos[i] = i * 0.05;
            rgb[i] = new double[] {r[i], g[i], b[i]};
        }
        return new Colormap(pos, rgb);
    }

    private int interpolate(double t) {
        int k = 1;
        while (k < pos.length - 1 && t > pos[k]) k++;
        double w = (t - pos[k - 1]) / (pos[k] - pos[k - 1]);
        w = Math.max(0, Math.min(1, w));
        int argb = 0xff;
        for (int c = 0; c < 3; c++) {
            double v = rgb[k - 1][c] + w * (rgb[k][c] - rgb[k - 1][c]);
            argb = (argb << 8) | (int) Math.round(255 * Math.max(0, Math.min(1, v)));
        }
        return argb;
    }

    /** The ARGB colour of {@code value} scaled from [vmin, vmax] (clipped; NaN is drawn white). */
    public int argb(double value, double vmin, double vmax) {
        if (Double.isNaN(value)) return 0xffffffff;
        double t = (value - vmin) / (vmax - vmin);
        if (!(t > 0)) t = 0;
        if (t > 1) t = 1;
        return lut[(int) Math.round(t * (lut.length - 1))];
    }
}
