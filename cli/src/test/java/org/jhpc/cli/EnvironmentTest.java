package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jhpc.testing.Cli;
import org.junit.jupiter.api.Test;

/** Thread defaults from Slurm and the SIMD switch and fallbacks, seen through --timing in a child JVM. */
class EnvironmentTest {
    static final String[] RUN = {"diff2d", "--set", "dx=1", "--set", "runtime=2", "--timing"};

    static String kernel(Cli.Result r) {
        return r.err().lines().filter(l -> l.startsWith("kernel=")).findFirst().orElse("none: " + r.err());
    }

    @Test
    void slurmLimitsTheDefaultThreadCount() throws Exception {
        String[] threads = append(RUN, "--variant=threads");
        Cli.Result r = Cli.runJvm(Map.of("SLURM_CPUS_PER_TASK", "1"), List.of("-XX:ActiveProcessorCount=2"), threads);
        assertEquals(0, r.code(), r.err());
        assertTrue(kernel(r).contains(", 1 threads,"), kernel(r));
        r = Cli.runJvm(Map.of("SLURM_NPROCS", "1"), List.of("-XX:ActiveProcessorCount=2"), threads);
        assertTrue(kernel(r).contains(", 1 threads,"), kernel(r));
        r = Cli.runJvm(Map.of("SLURM_NPROCS", "5"), List.of("-XX:ActiveProcessorCount=3"), threads);
        assertTrue(kernel(r).contains(", 3 threads,"), "affinity/cgroup count wins when smaller: " + kernel(r));
        r = Cli.runJvm(Map.of("SLURM_CPUS_PER_TASK", "2", "SLURM_NPROCS", "1"), List.of("-XX:ActiveProcessorCount=3"), threads);
        assertTrue(kernel(r).contains(", 2 threads,"), "SLURM_CPUS_PER_TASK comes first: " + kernel(r));
    }

    @Test
    void simdCanBeSwitchedOffAndFallsBackWithoutTheModule() throws Exception {
        Cli.Result off = Cli.runJvm(Map.of("JHPC_SIMD", "off"), List.of(), RUN);
        assertTrue(kernel(off).startsWith("kernel=scalar (simd switched off)"), kernel(off));
        Cli.Result flag = Cli.runJvm(Map.of(), List.of(), append(RUN, "--no-simd"));
        assertTrue(kernel(flag).startsWith("kernel=scalar (simd switched off)"), kernel(flag));
        Cli.Result xint = Cli.runJvm(Map.of(), List.of("-Xint"), "diff2d", "--set", "dx=4", "--set", "runtime=4", "--timing");
        assertTrue(kernel(xint).startsWith("kernel=scalar (no JIT compiler"), kernel(xint));
        Cli.Result on = Cli.runJvm(Map.of(), List.of(), RUN);
        assertTrue(kernel(on).matches("kernel=(simd \\d+-bit \\(\\d+ doubles\\)|scalar \\(no SIMD lanes.*).*"), kernel(on));
        assertEquals(on.out(), off.out());
    }

    @Test
    void scalarWhenTheVectorModuleIsMissing() throws Exception {
        List<String> cmd = new java.util.ArrayList<>(Cli.javaCommand(List.of(), RUN));
        cmd.removeAll(List.of("--add-modules", "jdk.incubator.vector"));
        org.jhpc.testing.ChildProcess.Result r = org.jhpc.testing.ChildProcess.of(cmd).mergeStderr().timeout(120).run();
        String all = r.out();
        assertEquals(0, r.exit(), all);
        assertTrue(all.contains("kernel=scalar (jdk.incubator.vector not loaded"), all);
    }

    static String[] append(String[] a, String x) {
        String[] b = java.util.Arrays.copyOf(a, a.length + 1);
        b[a.length] = x;
        return b;
    }
}
