import java.util.Map;
import org.jhpc.expr.Expr;
import org.jhpc.expr.NdArray;

/**
 * Reference solution of the numexpr exercise: jhpc's expression engine (numexpr's language) evaluates the whole
 * expression, reduction included, in one pass over x, block by block, on all cores, with no temporary arrays:
 * ne.evaluate('sum(0.7*x*x*x - 2*x*x + 4)') in Java.
 *
 * Run: ./jhpc exercise numexpr --check exercises/numexpr/Solution.java   (needs jhpc's jars on the class path)
 */
public class Solution {
    public static void main(String[] args) {
        int ntot = Integer.parseInt(args[0]);
        double dx = 3.0 / ntot;
        double[] x = new double[ntot];
        for (int i = 0; i < ntot; i++) x[i] = i * dx;
        Expr.setNumThreads(Runtime.getRuntime().availableProcessors());   // ne.set_num_threads(...)
        Expr auc = Expr.compile("sum(0.7*x*x*x - 2*x*x + 4)");
        double area = auc.evaluate(Map.of("x", NdArray.of(x))).getDouble(0) * dx;
        System.out.printf("The area is %f%n", area);
    }
}
