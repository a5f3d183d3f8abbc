package org.jhpc.diffusion.mpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jhpc.cli.Main;
import org.jhpc.core.Npy;
import org.jhpc.mpi.MPI;
import org.jhpc.testing.ChildProcess;
import org.jhpc.testing.MpiFlavour;
import org.jhpc.mpi.Mpirun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/**
 * {@code diff2d --variant mpi} and {@code auc --variant mpi} under a real {@code mpirun} with 1 to 4 ranks, one
 * launch per rank count, against variants run in this JVM. diff2d: the printed times must be byte-identical to the
 * serial flat variant and the saved fields equal (max abs difference ≤ 1e-12), at grids of 7 and 121 interior rows,
 * which no rank count here divides evenly in both directions. auc: the printed line must equal that of
 * {@code --variant threads --threads N} (the same pieces, added in the same order), at awkward point counts
 * (fewer points than ranks included). Under Open MPI and MPICH ({@link MpiFlavour}); a library not installed is
 * skipped with the reason.
 */
class MpiAppTest {
    /** name, then --set arguments: 7 interior rows (20/2.8 = 7.14), 121 interior rows (20/0.165 = 121.2). */
    static final String[][] CASES = {
        {"r7", "--set", "dx=2.8", "--set", "runtime=200"},
        {"r121", "--set", "dx=0.165", "--set", "runtime=1"},
    };

    static final String[] AUC_NTOT = {"1", "7", "1023", "1000003"};

    @TempDir
    static Path serialDir;

    @BeforeAll
    static void serialReferences() {
        for (String[] c : CASES) {
            List<String> cmd = new ArrayList<>(List.of("diff2d", "--variant", "flat", "--save",
                    serialDir.resolve(c[0] + ".npy").toString()));
            cmd.addAll(Arrays.asList(c).subList(1, c.length));
            StringWriter out = new StringWriter();
            int code = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), cmd.toArray(String[]::new));
            assertEquals(0, code);
            try {
                Files.writeString(serialDir.resolve(c[0] + ".out"), out.toString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Path mpirun() {
        var m = Mpirun.find();
        assumeTrue(m.isPresent(), "mpirun not installed");
        assumeTrue(MPI.available(), "libmpi not loadable: " + MPI.unavailableReason());
        return m.get();
    }

    static List<String> java(String mainClass, String... args) {
        return java(List.of(), mainClass, args);
    }

    static List<String> java(List<String> jvmArgs, String mainClass, String... args) {
        List<String> jvm = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Djava.awt.headless=true"));
        jvm.addAll(jvmArgs);
        return ChildProcess.java(jvm, mainClass, args);
    }

    record Run(int exit, String out) {}

    static Run run(List<String> command, int timeoutSeconds) {
        ChildProcess.Result r = ChildProcess.of(command).mergeStderr().timeout(timeoutSeconds)
                .env("OMPI_MCA_mpi_yield_when_idle", "1")   // waiting ranks yield the shared cores
                .env("OMPI_MCA_odls_base_sigkill_timeout", "10")   // as diffusion/README.md advises for --checkpoint
                .run();
        return new Run(r.exit(), r.out());
    }

    /** Open MPI at 1 to 4 ranks, MPICH at 3 ({@code JHPC_TEST_MPI} picks the libraries, see {@link MpiFlavour}). */
    static Stream<Arguments> jobs() {
        List<Arguments> a = new ArrayList<>();
        for (MpiFlavour f : MpiFlavour.selected()) {
            for (int np : f == MpiFlavour.OPEN_MPI ? new int[] {1, 2, 3, 4} : new int[] {3}) a.add(Arguments.of(f, np));
        }
        return a.stream();
    }

    static Run job(MpiFlavour f, int np, List<String> command, int timeoutSeconds) {
        String why = f.missing();
        assumeTrue(why == null, () -> f + " not installed: " + why);
        ChildProcess.Result r = ChildProcess.of(f.command(np, command)).mergeStderr().timeout(timeoutSeconds)
                .env(f.env()).run();
        return new Run(r.exit(), r.out());
    }

    @ParameterizedTest(name = "{0}, {1} ranks")
    @MethodSource("jobs")
    void sameAnswersAsInOneProcess(MpiFlavour f, int np, @TempDir Path dir) throws Exception {
        Run r = job(f, np, java(MpiAppDriver.class.getName(), dir.toString()), 150);
        assertEquals(0, r.exit(), r.out());
        for (String[] c : CASES) {
            String name = c[0];
            assertEquals(Files.readString(serialDir.resolve(name + ".out")),
                    Files.readString(dir.resolve(name + ".rank0.out")), name + ": printed times differ");
            for (int rank = 1; rank < np; rank++) {
                assertEquals("", Files.readString(dir.resolve(name + ".rank" + rank + ".out")),
                        name + ": rank " + rank + " printed");
            }
            // written collectively with MPI-IO (no gather): the same bytes as the serial run's file
            assertEquals(-1L, Files.mismatch(serialDir.resolve(name + ".npy"), dir.resolve(name + ".npy")),
                    name + ": the .npy files differ");
            Npy.Matrix want = Npy.read(serialDir.resolve(name + ".npy"));
            Npy.Matrix got = Npy.read(dir.resolve(name + ".npy"));
            assertEquals(want.rows(), got.rows());
            assertEquals(want.cols(), got.cols());
            double maxDiff = 0;
            for (int k = 0; k < want.data().length; k++) {
                maxDiff = Math.max(maxDiff, Math.abs(want.data()[k] - got.data()[k]));
            }
            assertTrue(maxDiff <= 1e-12, name + ": max abs diff " + maxDiff);
            assertArrayEquals(want.data(), got.data(), 0.0, name + ": not bit-identical");
        }
        assertTrue(Files.size(dir.resolve("r7.gif")) > 0, "rank 0 wrote no GIF");
        try (var frames = Files.list(dir.resolve("r7-frames"))) {   // one picture per printed time
            assertEquals(Files.readAllLines(serialDir.resolve("r7.out")).size(), frames.count(), "frames");
        }
        for (String ntot : AUC_NTOT) {
            StringWriter want = new StringWriter();
            assertEquals(0, Main.execute(new PrintWriter(want), new PrintWriter(new StringWriter()), "auc", ntot,
                    "--variant", "threads", "--threads", Integer.toString(np), "--digits", "17"));
            assertEquals(want.toString(), Files.readString(dir.resolve("auc" + ntot + ".rank0.out")), "auc " + ntot);
            for (int rank = 1; rank < np; rank++) {
                assertEquals("", Files.readString(dir.resolve("auc" + ntot + ".rank" + rank + ".out")),
                        "auc " + ntot + ": rank " + rank + " printed");
            }
        }
    }

    /** {@code jhpc mpi doctor} names the library it bound and sees that the launcher belongs to it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jhpc.testing.MpiFlavour#selected")
    void doctorNamesTheLibraryAndTheMatchingLauncher(MpiFlavour f) {
        Run r = job(f, 2, java(Main.class.getName(), "mpi", "doctor"), 60);
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("implementation: " + f), r.out());
        assertTrue(r.out().contains("launcher: " + (f == MpiFlavour.OPEN_MPI ? "Open MPI mpirun" : "MPICH/Hydra")), r.out());
        assertTrue(r.out().contains("launcher_matches: yes"), r.out());
    }

    /** Hydra starting ranks that bind Open MPI's library: doctor says they do not match and what to do. */
    @Test
    void doctorSeesALauncherOfTheOtherFamily() {
        String why = MpiFlavour.MPICH.missing() != null ? MpiFlavour.MPICH.missing() : MpiFlavour.OPEN_MPI.missing();
        assumeTrue(why == null, () -> "needs both Open MPI and MPICH: " + why);
        ChildProcess.Result r = ChildProcess.of(MpiFlavour.MPICH.command(1, java(Main.class.getName(), "mpi", "doctor")))
                .mergeStderr().timeout(60).env(MpiFlavour.OPEN_MPI.env()).run();
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("implementation: Open MPI"), r.out());
        assertTrue(r.out().contains("launcher_matches: NO (the job was started by MPICH/Hydra"), r.out());
    }

    @Test
    void aFailingRankEndsTheJobPromptly() throws Exception {
        Path mpirun = mpirun();
        Run r = run(Mpirun.command(mpirun, 3, java(List.of("-Djhpc.testing.fail=2@30"), Main.class.getName(),
                "diff2d", "--variant", "mpi", "--set", "dx=0.165")), 60);   // the test hook of org.jhpc.core.Testing
        assertNotEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("injected failure: rank 2 at step 30"), r.out());
    }
}
