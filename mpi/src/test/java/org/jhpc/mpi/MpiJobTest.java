package org.jhpc.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.jhpc.testing.ChildProcess;
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

    /** A child JVM running {@code mainClass} on this test's classpath, small and quick to start (one per rank). */
    static List<String> java(String mainClass, String... args) {
        return ChildProcess.java(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"), mainClass, args);
    }

    /** What a job printed (stdout and stderr merged) and how it ended. */
    record Run(int exit, String out, double seconds) {}

    /** Runs {@code command} through {@link ChildProcess}: killed with its process tree after {@code timeoutSeconds}. */
    static Run run(List<String> command, int timeoutSeconds) {
        ChildProcess.Result r = ChildProcess.of(command).mergeStderr().timeout(timeoutSeconds)
                .env("OMPI_MCA_mpi_yield_when_idle", "1")   // waiting ranks yield the shared cores
                .env("OMPI_MCA_btl_vader_single_copy_mechanism", "none")
                .run();
        return new Run(r.exit(), r.out(), r.seconds());
    }

    static void assertAllRanksPassed(Run r, int np) {
        assertEquals(0, r.exit(), r.out());
        for (int rank = 0; rank < np; rank++) {
            assertTrue(r.out().contains("rank " + rank + " done " + CHECKS), "rank " + rank + " incomplete:\n" + r.out());
        }
    }

    @ParameterizedTest(name = "mpirun -np {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void everyCheckPassesOnEveryRank(int np) {
        Path mpirun = mpirun();
        Run r = run(Mpirun.command(mpirun, np, java(SelfTestMain.class.getName())), 120);
        assertAllRanksPassed(r, np);
    }

    @Test
    void worksAsSingletonWithoutMpirun() {
        mpirun();
        Run r = run(java(SelfTestMain.class.getName()), 120);
        assertAllRanksPassed(r, 1);
    }

    @Test
    void aMissingLibraryIsReportedNotCrashed() {
        List<String> cmd = java(MissingLibraryMain.class.getName());
        cmd.add(1, "-Djhpc.libmpi=/no/such/libmpi.so");
        Run r = run(cmd, 60);
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("available=false"), r.out());
        assertTrue(r.out().contains("reason=JHPC_LIBMPI=/no/such/libmpi.so cannot be loaded"), r.out());
        assertTrue(r.out().contains("thrown=MPI is not available: JHPC_LIBMPI=/no/such/libmpi.so"), r.out());
    }

    @Test
    void aFailingRankEndsTheWholeJob() {
        Path mpirun = mpirun();
        // rank 2 throws while ranks 0, 1 and 3 block in a receive from it: MPI_Abort must end them all
        Run r = run(Mpirun.command(mpirun, 4, java(SelfTestMain.class.getName(), "fail", "2")), 60);
        assertNotEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("injected failure on rank 2"), r.out());
        assertTrue(!r.out().contains("was not stopped"), r.out());
    }

    /** Issue 13's defects (byte MAX/MIN, PROC_NULL, bounds, aliasing, read-only and over-long receives, ...). */
    @ParameterizedTest(name = "safety, mpirun -np {0}")
    @ValueSource(ints = {1, 2, 3})
    void mistakesAndLibraryBugsAreExceptions(int np) {
        Run r = runWithoutWorkarounds(Mpirun.command(mpirun(), np, java(SafetyMain.class.getName())), 120);
        assertEquals(0, r.exit(), r.out());
        for (int rank = 0; rank < np; rank++) {
            assertTrue(r.out().contains("rank " + rank + " done 9"), "rank " + rank + " incomplete:\n" + r.out());
        }
    }

    /** Rank 0 blocks in a receive while its second thread needs the garbage collector 20 times. */
    @Test
    void aRankBlockedInMpiDoesNotHoldOffTheCollector() {
        List<String> cmd = ChildProcess.java(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx48m"),
                SafetyMain.class.getName(), "gc");
        ChildProcess.Result r = ChildProcess.of(Mpirun.command(mpirun(), 2, cmd)).mergeStderr().timeout(90)
                .env("OMPI_MCA_mpi_yield_when_idle", "1").env("JHPC_MPI_THREAD", "multiple").run();
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("rank 0 done 1") && r.out().contains("rank 1 done 1"), r.out());
    }

    /** Like {@link #run} but without the btl_vader single-copy workaround: jhpc must be safe on its own. */
    static Run runWithoutWorkarounds(List<String> command, int timeoutSeconds) {
        ChildProcess.Result r = ChildProcess.of(command).mergeStderr().timeout(timeoutSeconds)
                .env("OMPI_MCA_mpi_yield_when_idle", "1").env("OMPI_MCA_btl_vader_single_copy_mechanism", null).run();
        return new Run(r.exit(), r.out(), r.seconds());
    }
}
