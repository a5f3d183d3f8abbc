package org.jhpc.bench;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.jhpc.expr.Expr;
import org.jhpc.expr.NdArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/*
 * The two numexpr expressions on 3,000,000 doubles per array, one operation = one evaluation into a
 * preallocated output:
 *   poly: a**2 + b**2 + 2*a*b            trig: 2*sin(a)*cos(b) + sqrt(a*b)
 * impl = interp (block interpreter, fusion off), fused (generated loop), loop (hand-written scalar fused loop),
 * vector (hand-written Vector API fused loop), stream (c = a + b, the memory-bandwidth floor: 24 bytes/element).
 * The hand-written loops split the range in `threads` equal pieces over their own pool.
 *
 * HOW TO RUN: bench/expr.sh (also times numpy in the same session and writes bench/results/), or
 *   java --add-modules jdk.incubator.vector -cp ... org.openjdk.jmh.Main ExprBench
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC"})
public class ExprBench {
    static final String POLY = "a**2 + b**2 + 2*a*b";
    static final String TRIG = "2*sin(a)*cos(b) + sqrt(a*b)";

    @Param({"poly", "trig"})
    public String expr;

    @Param({"interp", "fused", "loop", "vector", "stream"})
    public String impl;

    @Param({"1", "2"})
    public int threads;

    @Param({"3000000"})
    public int size;

    private double[] a;
    private double[] b;
    private double[] c;
    private Expr compiled;
    private Map<String, Object> bindings;
    private NdArray out;
    private ExecutorService pool;
    private int oldThreads;
    private boolean oldFusion;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom r = new SplittableRandom(1);
        a = r.doubles(size, 0.5, 1.5).toArray();
        b = r.doubles(size, 0.5, 1.5).toArray();
        c = new double[size];
        compiled = Expr.compile(expr.equals("poly") ? POLY : TRIG);
        bindings = Map.of("a", NdArray.of(a), "b", NdArray.of(b));
        out = NdArray.of(c);
        oldThreads = Expr.setNumThreads(threads);
        oldFusion = Expr.setFusion(impl.equals("fused"));
        pool = Executors.newFixedThreadPool(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdown();
        Expr.setNumThreads(oldThreads);
        Expr.setFusion(oldFusion);
    }

    @Benchmark
    public double[] evaluate() throws Exception {
        switch (impl) {
            case "interp", "fused" -> compiled.evaluate(bindings, out);
            default -> split();
        }
        return c;
    }

    private void split() throws Exception {
        if (threads == 1) {
            piece(0, size);
            return;
        }
        Future<?>[] fs = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            int lo = (int) ((long) size * t / threads);
            int hi = (int) ((long) size * (t + 1) / threads);
            fs[t] = pool.submit(() -> piece(lo, hi));
        }
        for (Future<?> f : fs) f.get();
    }

    private void piece(int lo, int hi) {
        boolean poly = expr.equals("poly");
        switch (impl) {
            case "loop" -> {
                if (poly) polyLoop(a, b, c, lo, hi);
                else trigLoop(a, b, c, lo, hi);
            }
            case "vector" -> {
                if (poly) polyVector(a, b, c, lo, hi);
                else trigVector(a, b, c, lo, hi);
            }
            default -> stream(a, b, c, lo, hi);
        }
    }

    static void polyLoop(double[] a, double[] b, double[] c, int lo, int hi) {
        for (int i = lo; i < hi; i++) c[i] = a[i] * a[i] + b[i] * b[i] + 2 * a[i] * b[i];
    }

    static void trigLoop(double[] a, double[] b, double[] c, int lo, int hi) {
        for (int i = lo; i < hi; i++) c[i] = 2 * Math.sin(a[i]) * Math.cos(b[i]) + Math.sqrt(a[i] * b[i]);
    }

    static void stream(double[] a, double[] b, double[] c, int lo, int hi) {
        for (int i = lo; i < hi; i++) c[i] = a[i] + b[i];
    }

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    static void polyVector(double[] a, double[] b, double[] c, int lo, int hi) {
        int i = lo;
        for (int ub = lo + S.loopBound(hi - lo); i < ub; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, i);
            DoubleVector y = DoubleVector.fromArray(S, b, i);
            x.mul(x).add(y.mul(y)).add(x.mul(2).mul(y)).intoArray(c, i);
        }
        for (; i < hi; i++) c[i] = a[i] * a[i] + b[i] * b[i] + 2 * a[i] * b[i];
    }

    static void trigVector(double[] a, double[] b, double[] c, int lo, int hi) {
        int i = lo;
        for (int ub = lo + S.loopBound(hi - lo); i < ub; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, i);
            DoubleVector y = DoubleVector.fromArray(S, b, i);
            x.lanewise(VectorOperators.SIN).mul(2).mul(y.lanewise(VectorOperators.COS))
                    .add(x.mul(y).lanewise(VectorOperators.SQRT)).intoArray(c, i);
        }
        for (; i < hi; i++) c[i] = 2 * Math.sin(a[i]) * Math.cos(b[i]) + Math.sqrt(a[i] * b[i]);
    }
}
