package org.jhpc.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jhpc.core.UserError;
import org.jhpc.tutorial.arrays.Layouts;
import org.jhpc.tutorial.arrays.Products;
import org.jhpc.tutorial.arrays.SlidesArrays;
import org.jhpc.tutorial.arrays.Views;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jhpc arrays}: the slides' fast-arrays part (47–52) in Java (org.jhpc.tutorial.arrays). */
@Command(name = "arrays", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Fast arrays: the slides' numpy calls on jhpc's NdArray (results as numpy's tolist() prints "
                + "them, checked against numpy in the tests), views by offset and strides, nested double[][] vs one "
                + "flat double[], boxed List<Double> vs double[], and a matrix product by a naive triple loop vs BLAS "
                + "(dev.ludovic.netlib). Times are the best of --repeat runs after a warm-up.",
                "Source: tutorial/src/main/java/org/jhpc/tutorial/arrays/."})
public final class ArraysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--grid", paramLabel = "N", description = "grid side for nested vs flat")
    int grid = 1000;

    @Option(names = "--elements", paramLabel = "N", description = "list length for boxed vs primitive")
    int elements = 1_000_000;

    @Option(names = "--n", paramLabel = "N", description = "matrix side for the matrix product")
    int n = 256;

    @Option(names = "--repeat", paramLabel = "R", description = "timed runs of each (the best is shown)")
    int repeat = 10;

    @Override
    public Integer call() {
        if (grid < 3 || grid > 20_000) throw new UserError("--grid must be from 3 to 20000, got " + grid);
        if (elements < 1 || elements > 50_000_000) {
            throw new UserError("--elements must be from 1 to 50000000, got " + elements);
        }
        if (n < 1 || n > 4096) throw new UserError("--n must be from 1 to 4096, got " + n);
        if (repeat < 1) throw new UserError("--repeat must be at least 1, got " + repeat);
        PrintWriter out = spec.commandLine().getOut();
        out.println("The slides' numpy calls on NdArray (products: " + Products.blasName() + "):");
        SlidesArrays.lines().forEach(l -> out.println("  " + l));
        out.println("Views (no copy):");
        Views.lines().forEach(l -> out.println("  " + l));
        out.flush();

        double[][] nested = Layouts.nestedGrid(grid);
        double[] flat = Layouts.flatGrid(grid);
        Layouts.Timed tn = Layouts.best(repeat, () -> Layouts.sweepNested(nested));
        Layouts.Timed tf = Layouts.best(repeat, () -> Layouts.sweepFlat(flat, grid));
        out.printf(Locale.ROOT, "nested double[][] vs flat double[], one 5-point sweep over %dx%d: nested %.4f s, flat %.4f s, "
                + "same sum: %s%n", grid, grid, tn.seconds(), tf.seconds(), tn.value() == tf.value() ? "yes" : "no");
        var boxed = Layouts.boxed(elements);
        double[] prim = Layouts.primitive(elements);
        Layouts.Timed tb = Layouts.best(repeat, () -> Layouts.sumBoxed(boxed));
        Layouts.Timed tp = Layouts.best(repeat, () -> Layouts.sumPrimitive(prim));
        out.printf(Locale.ROOT, "boxed List<Double> vs double[], sum of %d: boxed %.4f s, primitive %.4f s, same sum: %s%n",
                elements, tb.seconds(), tp.seconds(), tb.value() == tp.value() ? "yes" : "no");
        out.flush();

        double[] a = new double[n * n], b = new double[n * n], c1 = new double[n * n], c2 = new double[n * n];
        for (int k = 0; k < n * n; k++) {
            a[k] = Math.sin(k);
            b[k] = Math.cos(k);
        }
        Layouts.Timed naive = Layouts.best(repeat, () -> {
            Products.naiveMatmul(n, n, n, a, b, c1);
            return c1[0];
        });
        Layouts.Timed blas = Layouts.best(repeat, () -> {
            Products.matmul(n, n, n, a, b, c2);
            return c2[0];
        });
        double diff = 0;
        for (int k = 0; k < n * n; k++) diff = Math.max(diff, Math.abs(c1[k] - c2[k]));
        double flops = 2.0 * n * n * n;
        out.printf(Locale.ROOT, "matrix product %dx%d @ %dx%d: naive triple loop %.4f s (%.2f GFlop/s), BLAS dgemm %.4f s "
                + "(%.2f GFlop/s), max |difference| %.1e%n", n, n, n, n, naive.seconds(),
                flops / naive.seconds() * 1e-9, blas.seconds(), flops / blas.seconds() * 1e-9, diff);
        return 0;
    }
}
