package org.jhpc.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jhpc.testing.ChildProcess;
import org.jhpc.testing.MpiFlavour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bindings under a real launcher, with Open MPI and with MPICH ({@link MpiFlavour}: {@code JHPC_TEST_MPI}
 * picks one or both), 1 to 4 ranks (oversubscribed on small machines): one job per (library, rank count) runs
 * every check of {@link SelfTestMain}, and {@link SafetyMain} holds issue 13's defects. A flavour not installed
 * is skipped with the reason.
 */
class MpiJobTest {
    static final String CHECKS = "15";

    static Stream<Arguments> selfTestJobs() {
        List<Arguments> a = new ArrayList<>();
        for (MpiFlavour f : MpiFlavour.selected()) {
            for (int np : f == MpiFlavour.OPEN_MPI ? new int[] {1, 2, 3, 4} : new int[] {2, 4}) a.add(Arguments.of(f, np));
        }
        return a.stream();
    }

    static Stream<Arguments> safetyJobs() {
        List<Arguments> a = new ArrayList<>();
        for (MpiFlavour f : MpiFlavour.selected()) {
            for (int np : f == MpiFlavour.OPEN_MPI ? new int[] {2, 3} : new int[] {2}) a.add(Arguments.of(f, np));
        }
        return a.stream();
    }

    static Stream<Arguments> apiJobs() {
        List<Arguments> a = new ArrayList<>();
        for (MpiFlavour f : MpiFlavour.selected()) {
            for (int np : f == MpiFlavour.OPEN_MPI ? new int[] {1, 2, 3, 4} : new int[] {3}) a.add(Arguments.of(f, np));
        }
        return a.stream();
    }

    static Stream<MpiFlavour> flavours() {
        return MpiFlavour.selected().stream();
    }

    /** The flavour's launcher, or a loud skip when it is not installed. */
    static MpiFlavour installed(MpiFlavour f) {
        String why = f.missing();
        assumeTrue(why == null, () -> f + " not installed: " + why);
        return f;
    }

    /** A child JVM running {@code mainClass} on this test's classpath, small and quick to start (one per rank). */
    static List<String> java(String mainClass, String... args) {
        return ChildProcess.java(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"), mainClass, args);
    }

    /** What a job printed (stdout and stderr merged) and how it ended. */
    record Run(int exit, String out, double seconds) {}

    /**
     * Runs {@code np} ranks of {@code command} under {@code f} through {@link ChildProcess} (killed with its process
     * tree after {@code timeoutSeconds}), with no workaround for library bugs: jhpc must be safe on its own.
     */
    static Run job(MpiFlavour f, int np, List<String> command, int timeoutSeconds, String... env) {
        ChildProcess c = ChildProcess.of(f.command(np, command)).mergeStderr().timeout(timeoutSeconds).env(f.env())
                .env("OMPI_MCA_btl_vader_single_copy_mechanism", null);
        for (int i = 0; i + 1 < env.length; i += 2) c.env(env[i], env[i + 1]);
        ChildProcess.Result r = c.run();
        return new Run(r.exit(), r.out(), r.seconds());
    }

    static void assertAllRanksPassed(Run r, int np, String checks) {
        assertEquals(0, r.exit(), r.out());
        for (int rank = 0; rank < np; rank++) {
            assertTrue(r.out().contains("rank " + rank + " done " + checks), "rank " + rank + " incomplete:\n" + r.out());
        }
    }

    @ParameterizedTest(name = "{0}, {1} ranks")
    @MethodSource("selfTestJobs")
    void everyCheckPassesOnEveryRank(MpiFlavour f, int np) {
        assertAllRanksPassed(job(installed(f), np, java(SelfTestMain.class.getName()), 120), np, CHECKS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void worksAsSingletonWithoutALauncher(MpiFlavour f) {
        installed(f);
        ChildProcess.Result r = ChildProcess.of(java(SelfTestMain.class.getName())).mergeStderr().timeout(120)
                .env(f.env()).run();
        assertAllRanksPassed(new Run(r.exit(), r.out(), r.seconds()), 1, CHECKS);
    }

    /** The mpi4py API added for issue 13, at awkward sizes ({@link ApiMain}). */
    @ParameterizedTest(name = "{0}, {1} ranks")
    @MethodSource("apiJobs")
    void mpi4pyApiAdditions(MpiFlavour f, int np) {
        assertAllRanksPassed(job(installed(f), np, java(ApiMain.class.getName()), 120), np, "17");
    }

    /** Issue 13's defects (byte MAX/MIN, PROC_NULL, bounds, aliasing, read-only and over-long receives, ...). */
    @ParameterizedTest(name = "{0}, {1} ranks")
    @MethodSource("safetyJobs")
    void mistakesAndLibraryBugsAreExceptions(MpiFlavour f, int np) {
        assertAllRanksPassed(job(installed(f), np, java(SafetyMain.class.getName()), 120), np, "9");
    }

    /** Rank 0 blocks in a receive while its second thread needs the garbage collector 20 times. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void aRankBlockedInMpiDoesNotHoldOffTheCollector(MpiFlavour f) {
        List<String> cmd = ChildProcess.java(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx48m"),
                SafetyMain.class.getName(), "gc");
        assertAllRanksPassed(job(installed(f), 2, cmd, 90, "JHPC_MPI_THREAD", "multiple"), 2, "1");
    }

    @Test
    void aMissingLibraryIsReportedNotCrashed() {
        List<String> cmd = java(MissingLibraryMain.class.getName());
        cmd = new ArrayList<>(cmd);
        cmd.add(1, "-Djhpc.libmpi=/no/such/libmpi.so");
        ChildProcess.Result r = ChildProcess.of(cmd).mergeStderr().timeout(60).run();
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("available=false"), r.out());
        assertTrue(r.out().contains("reason=JHPC_LIBMPI=/no/such/libmpi.so cannot be loaded"), r.out());
        assertTrue(r.out().contains("thrown=MPI is not available: JHPC_LIBMPI=/no/such/libmpi.so"), r.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flavours")
    void aFailingRankEndsTheWholeJob(MpiFlavour f) {
        // rank 2 throws while ranks 0, 1 and 3 block in a receive from it: MPI_Abort must end them all
        Run r = job(installed(f), 4, java(SelfTestMain.class.getName(), "fail", "2"), 60);
        assertNotEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("injected failure on rank 2"), r.out());
        assertTrue(!r.out().contains("was not stopped"), r.out());
    }
}
