import org.jhpc.profiler.Profile;

/**
 * The slides' profiling exercise (auc_serial.py) in Java: the area under y = 0.7x^3 - 2x^2 + 4 on [0, 3] by a
 * left Riemann sum over ntot points, in a method marked for the line profiler. Prints the area, and on stderr the
 * loop's own wall time (loop_seconds=S) and its thread's CPU time (loop_cpu_seconds=S: not inflated by other
 * processes competing for the cores).
 */
public final class AucLoop {
    private AucLoop() {}

    public static void main(String[] args) {
        long ntot = Long.parseLong(args[0]);
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        double a = auc(ntot);
        double s = (System.nanoTime() - t0) * 1e-9;
        double c = (mx.getCurrentThreadCpuTime() - c0) * 1e-9;
        System.out.printf("The area is %f%n", a);
        System.err.println("loop_seconds=" + s);
        System.err.println("loop_cpu_seconds=" + c);
    }

    @Profile
    static double auc(long ntot) {
        double dx = 3.0 / ntot;
        double x = 0;
        double a = 0.0;
        for (long i = 0; i < ntot; i++) {
            double y = 0.7 * x * x * x - 2 * x * x + 4;
            a += y * dx;
            x += dx;
        }
        return a;
    }
}
