/**
 * Area under y = 0.7x^3 - 2x^2 + 4 on [0, 3] with ntot points, one process, one loop: the serial program the
 * slides' MPI hands-on starts from.
 *
 * Run: java exercises/mpi-auc/Start.java 1000000000
 */
public class Start {
    public static void main(String[] args) {
        long ntot = Long.parseLong(args[0]);
        double dx = 3.0 / ntot;
        double a = 0;
        for (long i = 0; i < ntot; i++) {
            double x = i * dx;
            a += (0.7 * x * x * x - 2 * x * x + 4) * dx;
        }
        System.out.printf("The area is %f%n", a);
    }
}
