import java.util.ArrayList;
import java.util.List;

/**
 * Area under y = 0.7x^3 - 2x^2 + 4 on [0, 3] with ntot points: a direct, slow translation of the slides'
 * auc_serial.py into Java (boxed lists, Math.pow, x += dx). It gives the right answer; find out where its time goes.
 *
 * Run: java exercises/profiling/Start.java 3000000
 */
public class Start {
    public static void main(String[] args) {
        long ntot = Long.parseLong(args[0]);
        double area = auc(ntot);
        System.out.printf("The area is %f%n", area);
    }

    static double auc(long ntot) {
        double dx = 3.0 / ntot;
        List<Double> xs = new ArrayList<>();
        Double x = 0.0;
        for (long i = 0; i < ntot; i++) {
            xs.add(x);
            x += dx;
        }
        List<Double> ys = new ArrayList<>();
        for (Double xi : xs) {
            ys.add(0.7 * Math.pow(xi, 3) - 2 * Math.pow(xi, 2) + 4);
        }
        Double a = 0.0;
        for (Double y : ys) {
            a += y * dx;
        }
        return a;
    }
}
