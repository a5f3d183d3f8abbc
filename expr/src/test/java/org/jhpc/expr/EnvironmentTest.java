package org.jhpc.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JHPC_EXPR_THREADS sets the default thread count of a fresh JVM; bad values fall back to the processor count. */
class EnvironmentTest {
    /** Prints the default thread count (run in a child JVM). */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.print(Expr.numThreads());
        }
    }

    private static String probe(String value) throws IOException, InterruptedException {
        return probe(value, null);
    }

    private static String probe(String value, String slurm) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Probe.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        if (value == null) pb.environment().remove("JHPC_EXPR_THREADS");
        else pb.environment().put("JHPC_EXPR_THREADS", value);
        pb.environment().remove("SLURM_NPROCS");
        if (slurm == null) pb.environment().remove("SLURM_CPUS_PER_TASK");
        else pb.environment().put("SLURM_CPUS_PER_TASK", slurm);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertEquals(0, p.waitFor());
        return out;
    }

    @Test
    void environmentVariableSetsTheDefault() throws Exception {
        assertEquals("3", probe("3"));
        assertEquals("7", probe(" 7 "));
        String cpus = probe(null);
        assertEquals(cpus, probe("zero"));
        assertEquals(cpus, probe("0"));
        assertEquals("1", probe(null, "1"));                 // a Slurm allocation caps the default
        assertEquals("5", probe("5", "1"));                  // the explicit variable wins
    }
}
