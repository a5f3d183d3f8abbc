package org.jhpc.bench;

import java.util.concurrent.TimeUnit;
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

/*
 * The JIT ladder as JMH rows (the tutorial's `--jit interp|c1|c2`): the same auc computation in a JVM forked with
 * -Xint (interpreter only), -XX:TieredStopAtLevel=1 (C1 only) and the default tiered pipeline (C2), steady state.
 * Next to AucBench's `variant` rows (what the code's shape buys), these rows show what the compiler buys.
 * ntot is small because the interpreter is slow (~50x behind C2 on this loop).
 *
 * HOW TO RUN:
 *   bench/jmh.sh JitLadderBench
 *   bench/jmh.sh JitLadderBench -p variant=loops -p ntot=3000000
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class JitLadderBench {
    private static final String ADD = "--add-modules";
    private static final String VECTOR = "jdk.incubator.vector";
    private static final String NATIVE = "--enable-native-access=ALL-UNNAMED";

    @Param({"loops", "simd"})
    public String variant;

    @Param({"1000000"})
    public long ntot;

    private Integrator integrator;

    @Setup(Level.Trial)
    public void setUp() {
        integrator = Integrators.create(Variant.parse(variant), 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        integrator.close();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {ADD, VECTOR, NATIVE, "-Xint"})
    public double interp() {
        return integrator.area(ntot);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {ADD, VECTOR, NATIVE, "-XX:TieredStopAtLevel=1"})
    public double c1() {
        return integrator.area(ntot);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {ADD, VECTOR, NATIVE})
    public double c2() {
        return integrator.area(ntot);
    }
}
