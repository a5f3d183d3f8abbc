package org.jhpc.diffusion.mpi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jhpc.cli.Main;
import org.jhpc.diffusion.Checkpoint;
import org.jhpc.mpi.Mpirun;
import org.jhpc.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MPI checkpoints: the ranks checkpoint one consistent cut (same steps everywhere, rank 0 gathers and writes one
 * file); a job of 2 ranks resumed on 3, a job of 3 resumed on 2, and either resumed serially, all end with the
 * serial run's field bit for bit and print its remaining times.
 */
class MpiCheckpointTest {
    @TempDir
    Path dir;

    static final String[] PARAMS = {"--set", "dx=0.4", "--set", "runtime=30", "--set", "outtime=3"};

    private MpiAppTest.Run mpi(int np, String... args) {
        List<String> a = new ArrayList<>(List.of("diff2d", "--variant", "mpi"));
        a.addAll(List.of(args));
        return MpiAppTest.run(Mpirun.command(MpiAppTest.mpirun(), np, MpiAppTest.java(Main.class.getName(),
                a.toArray(String[]::new))), 120);
    }

    /** What the job printed, without each JVM's notice of the incubating Vector API (the launcher drops it). */
    private static String printed(String merged) {
        StringBuilder s = new StringBuilder();
        for (String l : merged.split("\n", -1)) {
            if (!l.startsWith("WARNING: Using incubator modules")) s.append(l).append('\n');
        }
        return s.toString().replaceAll("\n+$", "\n").replaceAll("^\n$", "");
    }

    private static String[] with(String... more) {
        List<String> a = new ArrayList<>(List.of(PARAMS));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void twoRanksResumeOnThreeAndThreeOnTwoAndSerially() throws Exception {
        MpiAppTest.mpirun();
        List<String> serialArgs = new ArrayList<>(List.of("diff2d", "--variant", "simd"));
        serialArgs.addAll(List.of(with("--save", dir.resolve("serial.npy").toString())));
        Cli.Result serial = Cli.run(serialArgs.toArray(String[]::new));
        assertEquals(0, serial.code(), serial.err());
        byte[] want = Files.readAllBytes(dir.resolve("serial.npy"));
        String[] lines = serial.out().split("\n");
        // 2 ranks, a checkpoint every 11 units of simulated time: the last one, inside the run, is what a kill leaves
        Path ck2 = dir.resolve("ck2.npz");
        MpiAppTest.Run first = mpi(2, with("--checkpoint", ck2.toString(), "--checkpoint-every", "11"));
        assertEquals(0, first.exit(), first.out());
        // resumed on 3 ranks, which checkpoint every 7 units (a later step): a checkpoint written by 3 ranks
        Path ck3 = dir.resolve("ck3.npz");
        check(ck2, 2, lines, want, 3, "--checkpoint", ck3.toString(), "--checkpoint-every", "7");
        // resumed on 2 ranks
        check(ck3, 3, lines, want, 2);
    }

    /** Resumes {@code ck} (written by {@code ranks}) on {@code np} ranks and serially: the serial run's answer. */
    private void check(Path ck, int ranks, String[] lines, byte[] want, int np, String... more) throws Exception {
        Checkpoint c = Checkpoint.read(ck);
        assertEquals(ranks, c.ranks());
        assertEquals("mpi", c.variant());
        assertTrue(c.step() > 0 && c.step() < c.problem().nsteps, "a checkpoint inside the run: " + c.step());
        StringBuilder rest = new StringBuilder();
        for (int k = 0; k < lines.length; k++) if (k * c.problem().nper > c.step()) rest.append(lines[k]).append('\n');

        Path out = dir.resolve("resumed" + ranks + ".npy");
        List<String> args = new ArrayList<>(List.of("--resume", ck.toString(), "--save", out.toString()));
        args.addAll(List.of(more));
        MpiAppTest.Run resumed = mpi(np, args.toArray(String[]::new));
        assertEquals(0, resumed.exit(), resumed.out());
        assertEquals(rest.toString(), printed(resumed.out()), ranks + " ranks resumed on " + np + ": the remaining times");
        assertArrayEquals(want, Files.readAllBytes(out), ranks + " ranks resumed on " + np);

        Path outSerial = dir.resolve("serial" + ranks + ".npy");
        Cli.Result s = Cli.run("diff2d", "--resume", ck.toString(), "--save", outSerial.toString());
        assertEquals(0, s.code(), s.err());
        assertEquals(rest.toString(), s.out());
        assertArrayEquals(want, Files.readAllBytes(outSerial), ranks + " ranks resumed serially");
    }
}
