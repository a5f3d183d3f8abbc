/**
 * 2-D diffusion, the slides' diff2d.py as Java with nested double[][] grids and two sweeps per step (first the
 * Laplacian into its own grid, then the update). Prints the simulation time at the start and every outtime, then the
 * total density, which the check compares.
 *
 * Run: java exercises/vectorising/Start.java 0.1 15      (dx, runtime; D = 1, x1 = -10, x2 = 10, outtime = 0.5)
 */
public class Start {
    public static void main(String[] args) {
        double D = 1.0, x1 = -10.0, x2 = 10.0, outtime = 0.5;
        double dx = Double.parseDouble(args[0]), runtime = Double.parseDouble(args[1]);
        int nrows = (int) ((x2 - x1) / dx);
        int ncols = nrows;
        int npnts = nrows + 2;
        dx = (x2 - x1) / nrows;
        double dt = 0.25 * (dx * dx) / D;
        long nsteps = (long) (runtime / dt);
        long nper = (long) (outtime / dt);
        if (nper == 0) nper = 1;

        // the four-peak initial condition: a(x) a(y), a a tent with two peaks
        double[] x = new double[npnts];
        for (int i = 0; i < npnts; i++) x[i] = x1 + ((i - 1) * (x2 - x1)) / nrows;
        double[][] dens = new double[npnts][npnts];
        double[][] densnext = new double[npnts][npnts];
        double[][] laplacian = new double[npnts][npnts];
        double simtime = 0 * dt;
        for (int i = 1; i < npnts - 1; i++) {
            double a = 1 - Math.abs(1 - 4 * Math.abs((x[i] - (x1 + x2) / 2) / (x2 - x1)));
            for (int j = 1; j < npnts - 1; j++) {
                double b = 1 - Math.abs(1 - 4 * Math.abs((x[j] - (x1 + x2) / 2) / (x2 - x1)));
                dens[i][j] = a * b;
            }
        }
        System.out.println(simtime);
        double coef = (D / (dx * dx)) * dt;
        for (long s = 0; s < nsteps; s++) {
            for (int i = 1; i < nrows + 1; i++) {
                for (int j = 1; j < ncols + 1; j++) {
                    laplacian[i][j] = dens[i + 1][j] + dens[i - 1][j] + dens[i][j + 1] + dens[i][j - 1]
                            - 4 * dens[i][j];
                }
            }
            for (int i = 1; i < nrows + 1; i++) {
                for (int j = 1; j < ncols + 1; j++) {
                    densnext[i][j] = dens[i][j] + coef * laplacian[i][j];
                }
            }
            double[][] t = dens;
            dens = densnext;
            densnext = t;
            simtime += dt;
            if ((s + 1) % nper == 0) System.out.println(simtime);
        }
        double total = 0;
        for (double[] row : dens) for (double v : row) total += v;
        System.out.printf("The total density is %.15e%n", total);
    }
}
