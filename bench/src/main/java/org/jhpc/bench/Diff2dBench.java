package org.jhpc.bench;

import java.util.concurrent.TimeUnit;
import org.jhpc.core.Variant;
import org.jhpc.diffusion.Diff2dOptions;
import org.jhpc.diffusion.Diff2dParams;
import org.jhpc.diffusion.Diff2dProblem;
import org.jhpc.diffusion.Solver;
import org.jhpc.diffusion.Solvers;
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
import org.openjdk.jmh.infra.Blackhole;

/*
 * The time-stepping loop of the slides' default case (200 x 200 interior points, 5999 steps = 2.4e8 cell updates)
 * on each rung of the ladder. One operation = the whole run's advance(nsteps), from the initial condition (a fresh
 * solver per iteration; its construction is not timed). Rates: 7 flops and, at best, 16 bytes of cache traffic per
 * cell update.
 *
 * HOW TO RUN: bench/diff2d.sh (builds, runs the C++ peers in the same session and writes bench/results/), or
 *   java --add-modules jdk.incubator.vector -cp "$(cat bench/target/jmh.cp)" org.openjdk.jmh.Main Diff2dBench
 * `lists` takes minutes per operation at this size: it runs on a 5x-coarser grid, dx = 0.5 (compare cell updates per second).
 * `mpi` is measured by bench/mpi.sh under mpirun (one rank runs the simd kernel).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC"})   // as ./jhpc runs
public class Diff2dBench {
    @Param({"lists", "loops", "flat", "simd", "threads", "expr"})
    public String variant;

    @Param({"2"})
    public int threads;

    @Param({"0"})
    public int depth;

    private Diff2dProblem problem;
    private Solver solver;

    @Setup(Level.Iteration)
    public void setup() {
        Diff2dParams p = Diff2dParams.defaults();
        if (variant.equals("lists")) p = p.withAssignment("dx=0.5");   // 40x40 interior, 240 steps
        problem = new Diff2dProblem(p);
        Variant v = Variant.parse(variant);
        solver = Solvers.create(problem, new Diff2dOptions(v, v == Variant.THREADS ? threads : 1, depth));
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        solver.close();
    }

    @Benchmark
    public void run(Blackhole bh) {
        solver.advance(problem.nsteps);
        bh.consume(solver.density().get(problem.npnts / 2, problem.npnts / 2));
    }
}
