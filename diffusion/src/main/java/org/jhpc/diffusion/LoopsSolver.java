package org.jhpc.diffusion;

/**
 * The compiled-language rung of the slides ({@code diff2d.cpp}): {@code double[][]} grids and two index-loop sweeps
 * per step, first the Laplacian into its own grid, then the update; the grids are swapped after each step.
 */
final class LoopsSolver implements Solver {
    private final int n;
    private final double coef;
    private double[][] dens;
    private double[][] densnext;
    private final double[][] lapl;

    LoopsSolver(Diff2dProblem p) {
        n = p.npnts;
        coef = p.coef;
        dens = new double[n][n];
        densnext = new double[n][n];
        lapl = new double[n][n];
        for (int i = 1; i < n - 1; i++) p.initialRow(i, dens[i], 0);
    }

    @Override
    public void advance(long steps) {
        for (long s = 0; s < steps; s++) {
            for (int i = 1; i < n - 1; i++) {
                double[] up = dens[i - 1], mid = dens[i], down = dens[i + 1], l = lapl[i];
                for (int j = 1; j < n - 1; j++) {
                    l[j] = Stencil.laplacian(down[j], up[j], mid[j + 1], mid[j - 1], mid[j]);
                }
            }
            for (int i = 1; i < n - 1; i++) {
                double[] mid = dens[i], next = densnext[i], l = lapl[i];
                for (int j = 1; j < n - 1; j++) next[j] = Stencil.update(mid[j], coef, l[j]);
            }
            double[][] t = dens;
            dens = densnext;
            densnext = t;
        }
    }

    @Override
    public Field density() {
        double[][] d = dens;
        return new Field() {
            @Override public int size() { return n; }
            @Override public double get(int i, int j) { return d[i][j]; }
            @Override public void row(int i, double[] dst) { System.arraycopy(d[i], 0, dst, 0, n); }
        };
    }

    @Override
    public String kernel() {
        return "scalar (double[][], two sweeps)";
    }
}
