package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jhpc.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Thread defaults from Slurm, and the SIMD switch and its fallbacks, in child JVMs. */
class EnvironmentTest {
    /** 27 interior rows at dx = 0.74: not a multiple of any vector length. */
    static final String[] RUN = {"diff2d", "--set", "dx=0.74", "--set", "runtime=2", "--timing"};

    @TempDir
    Path dir;

    static String kernel(Cli.Result r) {
        return r.err().lines().filter(l -> l.startsWith("kernel=")).findFirst().orElse("none: " + r.err());
    }

    @Test
    void slurmLimitsTheDefaultThreadCount() {
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

    /**
     * The scalar kernels that run when SIMD is switched off (JHPC_SIMD=off, --no-simd), without a JIT (-Xint), or
     * without the Vector API module at all (no --add-modules jdk.incubator.vector, as ADR 1 promises) give the
     * same saved field, byte for byte, as the SIMD kernel.
     */
    @Test
    void everyScalarFallbackSavesTheSameFieldAsSimd() throws Exception {
        Cli.Result on = save("on", Map.of(), List.of());
        assertTrue(kernel(on).matches("kernel=(simd \\d+-bit \\(\\d+ doubles\\)|scalar \\(no SIMD lanes.*).*"), kernel(on));
        byte[] want = Files.readAllBytes(dir.resolve("on.npy"));

        Cli.Result off = save("off", Map.of("JHPC_SIMD", "off"), List.of());
        assertTrue(kernel(off).startsWith("kernel=scalar (simd switched off)"), kernel(off));
        Cli.Result flag = save("flag", Map.of(), List.of(), "--no-simd");
        assertTrue(kernel(flag).startsWith("kernel=scalar (simd switched off)"), kernel(flag));
        Cli.Result xint = save("xint", Map.of(), List.of("-Xint"));
        assertTrue(kernel(xint).startsWith("kernel=scalar (no JIT compiler"), kernel(xint));

        List<String> cmd = new ArrayList<>(Cli.javaCommand(List.of(), append(RUN, "--save", dir.resolve("nomodule.npy").toString())));
        assertTrue(cmd.remove("--add-modules=jdk.incubator.vector"), "the child is started without the module: " + cmd);
        Cli.Result none = Cli.run(cmd, Map.of());
        assertEquals(0, none.code(), none.err());
        assertTrue(kernel(none).startsWith("kernel=scalar (jdk.incubator.vector not loaded"), kernel(none));

        for (String name : new String[] {"off", "flag", "xint", "nomodule"}) {
            assertArrayEquals(want, Files.readAllBytes(dir.resolve(name + ".npy")), name + ": saved field differs from simd");
        }
        for (Cli.Result r : new Cli.Result[] {off, flag, xint, none}) assertEquals(on.out(), r.out());
    }

    private Cli.Result save(String name, Map<String, String> env, List<String> jvm, String... more) {
        String[] args = append(RUN, "--save", dir.resolve(name + ".npy").toString());
        for (String m : more) args = append(args, m);
        Cli.Result r = Cli.runJvm(env, jvm, args);
        assertEquals(0, r.code(), name + ": " + r.err());
        return r;
    }

    static String[] append(String[] a, String... x) {
        String[] b = Arrays.copyOf(a, a.length + x.length);
        System.arraycopy(x, 0, b, a.length, x.length);
        return b;
    }
}
