package org.jhpc.bench;

import java.util.concurrent.TimeUnit;
import org.jhpc.auc.Integrand;
import org.jhpc.auc.Integrator;
import org.jhpc.auc.Integrators;
import org.jhpc.core.Variant;
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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/*
 * The auc workload, one left Riemann sum of ntot points per invocation, on each rung of the ladder: the time of
 * one `Integrator.area(ntot)` in steady state (after JIT warm-up), which is what `jhpc auc --timing --repeat R`
 * approaches for large R. The area is returned so that the JIT cannot drop the computation. Rates: points per
 * second = ntot / time; GFlop/s = 10 · ntot / time (Integrand.FLOPS_PER_POINT: the slides' loop as written).
 *
 * `threads` only matters for the threads variant; loops and simd ignore it (JMH still runs each combination,
 * so restrict with -p when time is short).
 *
 * HOW TO RUN:
 *   bench/jmh.sh AucBench -p ntot=30000000 -p variant=loops,simd -p threads=1
 *   bench/jmh.sh AucBench -p variant=threads -p threads=2
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@State(Scope.Benchmark)
public class AucBench {
    @Param({"loops", "simd", "threads"})
    public String variant;

    @Param({"1", "2"})
    public int threads;

    @Param({"30000000"})
    public long ntot;

    private Integrator integrator;

    @Setup(Level.Trial)
    public void setUp() {
        integrator = Integrators.create(Variant.parse(variant), threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        integrator.close();
    }

    @Benchmark
    public double area() {
        return integrator.area(ntot);
    }

    /** Nominal floating-point operations per invocation, for converting times to GFlop/s. */
    public long flops() {
        return ntot * Integrand.FLOPS_PER_POINT;
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(AucBench.class.getSimpleName()).build()).run();
    }
}
