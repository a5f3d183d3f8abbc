/**
 * Area under y = 0.7x^3 - 2x^2 + 4 on [0, 3], written the way the slides' auc_vector.py uses numpy: whole-array
 * operations, each making a new temporary array, on one thread.
 *
 * Run: java exercises/numexpr/Start.java 10000000
 */
public class Start {
    public static void main(String[] args) {
        int ntot = Integer.parseInt(args[0]);
        double dx = 3.0 / ntot;
        double[] x = arange(ntot, dx);                                     // x = np.arange(ntot)*dx
        double[] y = add(sub(mul(0.7, mul(x, mul(x, x))), mul(2.0, mul(x, x))), 4.0);   // y = 0.7*x**3 - 2*x**2 + 4
        double area = sum(y) * dx;                                          // a = np.sum(y)*dx
        System.out.printf("The area is %f%n", area);
    }

    static double[] arange(int n, double step) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = i * step;
        return r;
    }

    static double[] mul(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] * b[i];
        return r;
    }

    static double[] mul(double s, double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = s * a[i];
        return r;
    }

    static double[] sub(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] - b[i];
        return r;
    }

    static double[] add(double[] a, double s) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] + s;
        return r;
    }

    static double sum(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s;
    }
}
