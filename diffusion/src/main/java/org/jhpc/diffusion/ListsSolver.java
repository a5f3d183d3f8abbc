package org.jhpc.diffusion;

import java.util.ArrayList;
import java.util.List;

/**
 * The pure-Python rung: nested lists of boxed doubles and the slides' two index-loop sweeps (first the Laplacian
 * into {@code lapl}, then {@code densnext}), swapping the two lists after each step. Every read unboxes and every
 * write allocates, as in CPython.
 */
final class ListsSolver implements Solver {
    private final int n;
    private final double coef;
    private List<List<Double>> dens;
    private List<List<Double>> densnext;
    private final List<List<Double>> lapl;

    ListsSolver(Diff2dProblem p) {
        n = p.npnts;
        coef = p.coef;
        dens = zeros(n);
        densnext = zeros(n);
        lapl = zeros(n);
        for (int i = 1; i < n - 1; i++) {
            for (int j = 1; j < n - 1; j++) dens.get(i).set(j, p.initial(i, j));
        }
    }

    private static List<List<Double>> zeros(int n) {
        List<List<Double>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Double> row = new ArrayList<>(n);
            for (int j = 0; j < n; j++) row.add(0.0);
            rows.add(row);
        }
        return rows;
    }

    @Override
    public void advance(long steps) {
        for (long s = 0; s < steps; s++) {
            for (int i = 1; i < n - 1; i++) {
                for (int j = 1; j < n - 1; j++) {
                    lapl.get(i).set(j, Stencil.laplacian(dens.get(i + 1).get(j), dens.get(i - 1).get(j),
                            dens.get(i).get(j + 1), dens.get(i).get(j - 1), dens.get(i).get(j)));
                }
            }
            for (int i = 1; i < n - 1; i++) {
                for (int j = 1; j < n - 1; j++) {
                    densnext.get(i).set(j, Stencil.update(dens.get(i).get(j), coef, lapl.get(i).get(j)));
                }
            }
            List<List<Double>> t = dens;
            dens = densnext;
            densnext = t;
        }
    }

    @Override
    public Field density() {
        List<List<Double>> d = dens;
        return new Field() {
            @Override public int size() { return n; }
            @Override public double get(int i, int j) { return d.get(i).get(j); }
        };
    }

    @Override
    public String kernel() {
        return "scalar (boxed lists, two sweeps)";
    }
}
