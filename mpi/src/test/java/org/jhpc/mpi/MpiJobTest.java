package org.jhpc.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bindings under a real {@code mpirun} with 1 to 4 ranks (oversubscribed on small machines): one JVM launch per
 * rank count runs every check of {@link SelfTestMain}. Skipped when Open MPI is not installed.
 */
class MpiJobTest {
    static final String CHECKS = "15";

    static Path mpirun() {
        var m = Mpirun.find();
        assumeTrue(m.isPresent(), "mpirun not installed");
        assumeTrue(MPI.available(), "libmpi not loadable: " + MPI.unavailableReason());
        return m.get();
    }

    static List<String> java(String mainClass, String... args) {
        List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", classpath(), mainClass));
        c.addAll(List.of(args));
        return c;
    }

    static String classpath() {
        try {
            return Path.of(SelfTestMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + File.pathSeparator
                    + Path.of(MPI.class.getProtectionDomain().getCodeSource().getLocation().toURI()) + File.pathSeparator
                    + Path.of(org.jhpc.core.Config.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    record Run(int exit, String out, double seconds) {}

    static Run run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OMPI_MCA_mpi_yield_when_idle", "1");   // waiting ranks yield the shared cores
        pb.environment().put("OMPI_MCA_btl_vader_single_copy_mechanism", "none");
        long t0 = System.nanoTime();
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly();
        String text = new String(out, StandardCharsets.UTF_8);
        assertTrue(ended, "job did not end within " + timeoutSeconds + " s:\n" + text);
        return new Run(p.exitValue(), text, (System.nanoTime() - t0) * 1e-9);
    }

    static void assertAllRanksPassed(Run r, int np) {
        assertEquals(0, r.exit(), r.out());
        for (int rank = 0; rank < np; rank++) {
            assertTrue(r.out().contains("rank " + rank + " done " + CHECKS), "rank " + rank + " incomplete:\n" + r.out());
        }
    }

    @ParameterizedTest(name = "mpirun -np {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void everyCheckPassesOnEveryRank(int np) throws Exception {
        Path mpirun = mpirun();
        Run r = run(Mpirun.command(mpirun, np, java(SelfTestMain.class.getName())), 120);
        assertAllRanksPassed(r, np);
    }

    @Test
    void worksAsSingletonWithoutMpirun() throws Exception {
        mpirun();
        Run r = run(java(SelfTestMain.class.getName()), 120);
        assertAllRanksPassed(r, 1);
    }

    @Test
    void aMissingLibraryIsReportedNotCrashed() throws Exception {
        List<String> cmd = java(MissingLibraryMain.class.getName());
        cmd.add(1, "-Djhpc.libmpi=/no/such/libmpi.so");
        Run r = run(cmd, 60);
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("available=false"), r.out());
        assertTrue(r.out().contains("reason=JHPC_LIBMPI=/no/such/libmpi.so cannot be loaded"), r.out());
        assertTrue(r.out().contains("thrown=MPI is not available: JHPC_LIBMPI=/no/such/libmpi.so"), r.out());
    }

    @Test
    void aFailingRankEndsTheWholeJob() throws Exception {
        Path mpirun = mpirun();
        // rank 2 throws while ranks 0, 1 and 3 block in a receive from it: MPI_Abort must end them all
        Run r = run(Mpirun.command(mpirun, 4, java(SelfTestMain.class.getName(), "fail", "2")), 60);
        assertNotEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("injected failure on rank 2"), r.out());
        assertTrue(!r.out().contains("was not stopped"), r.out());
    }
}
