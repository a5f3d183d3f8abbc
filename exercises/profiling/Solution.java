/**
 * Reference solution of the profiling exercise: the profile of Start.java shows the time in building and walking
 * boxed lists (ArrayList.add, Double.valueOf, unboxing) and in Math.pow; one loop over primitives, x computed as
 * i*dx (no drift), the polynomial in Horner form, does the same sum without allocating anything.
 */
public class Solution {
    public static void main(String[] args) {
        long ntot = Long.parseLong(args[0]);
        System.out.printf("The area is %f%n", auc(ntot));
    }

    static double auc(long ntot) {
        double dx = 3.0 / ntot;
        double a = 0.0;
        for (long i = 0; i < ntot; i++) {
            double x = i * dx;
            a += (4 + x * x * (0.7 * x - 2)) * dx;
        }
        return a;
    }
}
