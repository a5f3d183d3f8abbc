import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Reference solution of the vectorising exercise: the grid is one flat row-major double[] (cell (i, j) at i*n + j,
 * its neighbours at ±1 and ±n), the two sweeps are fused into one (no Laplacian grid: half the memory traffic), and
 * the inner loop runs on the Vector API, a lane per cell, with a scalar tail for the cells that do not fill a vector.
 * The arithmetic per cell is the same as in Start.java, in the same order, so the results are bit-identical.
 *
 * Run: java --add-modules jdk.incubator.vector exercises/vectorising/Solution.java 0.1 15
 */
public class Solution {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    public static void main(String[] args) {
        double D = 1.0, x1 = -10.0, x2 = 10.0, outtime = 0.5;
        double dx = Double.parseDouble(args[0]), runtime = Double.parseDouble(args[1]);
        int nrows = (int) ((x2 - x1) / dx);
        int n = nrows + 2;
        dx = (x2 - x1) / nrows;
        double dt = 0.25 * (dx * dx) / D;
        long nsteps = (long) (runtime / dt);
        long nper = Math.max(1, (long) (outtime / dt));
        double[] dens = new double[n * n], next = new double[n * n];
        double[] a = new double[n];
        for (int i = 1; i < n - 1; i++) {
            double x = x1 + ((i - 1) * (x2 - x1)) / nrows;
            a[i] = 1 - Math.abs(1 - 4 * Math.abs((x - (x1 + x2) / 2) / (x2 - x1)));
        }
        for (int i = 1; i < n - 1; i++) for (int j = 1; j < n - 1; j++) dens[i * n + j] = a[i] * a[j];
        double coef = (D / (dx * dx)) * dt;
        double simtime = 0 * dt;
        System.out.println(simtime);
        for (long s = 0; s < nsteps; s++) {
            step(dens, next, n, coef);
            double[] t = dens;
            dens = next;
            next = t;
            simtime += dt;
            if ((s + 1) % nper == 0) System.out.println(simtime);
        }
        double total = 0;
        for (double v : dens) total += v;
        System.out.printf("The total density is %.15e%n", total);
    }

    /** next = dens + coef * laplacian(dens) on the interior, one fused sweep. */
    static void step(double[] d, double[] next, int n, double coef) {
        for (int i = 1; i < n - 1; i++) {
            int k = i * n + 1, end = i * n + n - 1;
            for (; k + S.length() <= end; k += S.length()) {
                DoubleVector c = DoubleVector.fromArray(S, d, k);
                DoubleVector lap = DoubleVector.fromArray(S, d, k + n).add(DoubleVector.fromArray(S, d, k - n))
                        .add(DoubleVector.fromArray(S, d, k + 1)).add(DoubleVector.fromArray(S, d, k - 1))
                        .sub(c.mul(4));
                c.add(lap.mul(coef)).intoArray(next, k);
            }
            for (; k < end; k++) {
                next[k] = d[k] + coef * (d[k + n] + d[k - n] + d[k + 1] + d[k - 1] - 4 * d[k]);
            }
        }
    }
}
