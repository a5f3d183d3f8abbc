package org.jhpc.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.jhpc.core.Cpus;
import org.jhpc.testing.ChildProcess;
import org.junit.jupiter.api.Test;

/**
 * The engine's default thread count in a fresh JVM: core's {@link Cpus#defaultThreads()} (processors, capped by
 * Slurm), unless {@code JHPC_EXPR_THREADS} overrides it; values that are not positive integers are ignored.
 */
class EnvironmentTest {
    /** Prints the engine's default thread count and core's (run in a child JVM). */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.print(Expr.numThreads() + " " + Cpus.defaultThreads());
        }
    }

    /** The child's "engine core" pair. */
    private static String[] probe(String value, String slurm) {
        ChildProcess.Result r = ChildProcess.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .env("JHPC_EXPR_THREADS", value).env("SLURM_NPROCS", null).env("SLURM_CPUS_PER_TASK", slurm)
                .timeout(60).run();
        assertEquals(0, r.exit(), r.all());
        return r.out().strip().split(" ");
    }

    private static String engine(String value) {
        return probe(value, null)[0];
    }

    @Test
    void environmentVariableOverridesCoresDefault() {
        assertEquals("3", engine("3"));
        assertEquals("7", engine(" 7 "));
        String[] plain = probe(null, null);
        assertEquals(plain[1], plain[0]);                     // no override: core's default, one place
        assertEquals(plain[0], engine("zero"));
        assertEquals(plain[0], engine("0"));
        String[] capped = probe(null, "1");
        assertEquals("1", capped[0]);                          // a Slurm allocation caps the default
        assertEquals("1", capped[1]);
        assertEquals("5", probe("5", "1")[0]);                 // the explicit variable wins
    }
}
