package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jhpc.benchmark.Toolchain;
import org.jhpc.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jhpc bench mpi --tiny --runs 1} in a child JVM: under every MPI library installed, the C peer, jhpc (arrays
 * and native segments) and mpi4py (under the library it was built against) have a line per case and run, and every
 * answer agrees with its closed form (the byte sum of a verified round trip, the exact sum of an allreduce); mpi4py
 * under the other library is reported as skipped, with the reason. No timed assertions.
 */
class BenchMpiTest {
    static final Path ROOT = BenchCommandTest.ROOT;
    static final List<String> CASES = List.of("latency 8 B", "bandwidth (1 MiB)", "allreduce 8 B", "allreduce 1 MiB");

    @Test
    void everyRowUnderEveryLibraryAgreesAndTheSkipsSayWhy(@TempDir Path tmp) throws IOException {
        boolean ompi = Toolchain.which("mpirun.openmpi").isPresent() && Toolchain.which("mpicc.openmpi").isPresent();
        boolean mpich = Toolchain.which("mpirun.mpich").isPresent() && Toolchain.which("mpicc.mpich").isPresent();
        assumeTrue(ompi || mpich, "SKIPPED: jhpc bench mpi test needs Open MPI or MPICH with mpicc (scripts/install-deps mpi)");
        Path out = tmp.resolve("out");
        ChildProcess.Result r = ChildProcess.of(ChildProcess.java(List.of("-Djhpc.bench.launcher=self", "-Djhpc.root=" + ROOT,
                        "-Djava.awt.headless=true"), "org.jhpc.cli.Main", "bench", "mpi", "--tiny", "--runs", "1",
                        "--out", out.toString(), "--deadline", "120"))
                .timeout(900).run();
        assertEquals(0, r.exit(), r.all());
        String md = Files.readString(out.resolve("bench.md"));
        List<Map<String, String>> csv = BenchCommandTest.parseCsv(Files.readString(out.resolve("bench.csv")));
        boolean py = Toolchain.probe().hasPython("mpi4py");
        for (String lib : List.of("openmpi", "mpich")) {
            if (lib.equals("openmpi") ? !ompi : !mpich) {
                assertTrue(md.contains("- `c-" + lib + "`: skipped: no mpirun."), md);
                continue;
            }
            for (String row : List.of("c-", "jhpc-", "jhpc-native-")) check(csv, row + lib);
            String id = "mpi4py-" + lib;
            boolean ran = csv.stream().anyMatch(l -> l.get("row").equals(id));
            if (ran) {
                check(csv, id);
            } else if (py) {
                assertTrue(md.contains("- `" + id + "`: skipped: this python3's mpi4py is built against "), md);
            }
        }
        if (py && ompi && mpich) {
            long mpi4pyRows = csv.stream().map(l -> l.get("row")).filter(x -> x.startsWith("mpi4py-")).distinct().count();
            assertEquals(1, mpi4pyRows, "mpi4py runs under exactly one of the two libraries");
        }
        assertTrue(md.contains("| vs C, same MPI |"), md);
        assertTrue(md.contains("Bandwidth GB/s by message size"), md);
    }

    /** A cold and a warm line per case, each with a positive time and a correct answer. */
    static void check(List<Map<String, String>> csv, String id) {
        for (String c : CASES) {
            List<Map<String, String>> lines = csv.stream().filter(l -> l.get("row").equals(id) && l.get("case").equals(c)).toList();
            assertEquals(2, lines.size(), id + " " + c + ": " + lines);
            for (Map<String, String> l : lines) {
                assertEquals("true", l.get("agrees"), id + " " + c + ": " + l.get("detail"));
                assertTrue(Double.parseDouble(l.get("compute_s")) > 0, id + " " + c + " " + l);
            }
        }
        assertFalse(id.isEmpty());
    }
}
