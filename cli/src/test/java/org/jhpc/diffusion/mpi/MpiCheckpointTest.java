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
        for (int[] np : new int[][] {{2, 3}, {3, 2}}) {
            Path ck = dir.resolve("ck" + np[0] + ".npz");
            // checkpoints every 7 units of simulated time: the last one, at 4/5 of the run, is what a kill would leave
            MpiAppTest.Run first = mpi(np[0], with("--checkpoint", ck.toString(), "--checkpoint-every", "7"));
            assertEquals(0, first.exit(), first.out());
            Checkpoint c = Checkpoint.read(ck);
            assertEquals(np[0], c.ranks());
            assertEquals("mpi", c.variant());
            assertTrue(c.step() > 0 && c.step() < c.problem().nsteps, "a checkpoint inside the run: " + c.step());
            StringBuilder rest = new StringBuilder();
            for (int k = 0; k < lines.length; k++) if (k * c.problem().nper > c.step()) rest.append(lines[k]).append('\n');

            Path out = dir.resolve("resumed" + np[0] + ".npy");
            MpiAppTest.Run resumed = mpi(np[1], "--resume", ck.toString(), "--save", out.toString());
            assertEquals(0, resumed.exit(), resumed.out());
            assertEquals(rest.toString(), printed(resumed.out()), np[0] + " ranks resumed on " + np[1] + ": the remaining times");
            assertArrayEquals(want, Files.readAllBytes(out), np[0] + " ranks resumed on " + np[1]);

            Path outSerial = dir.resolve("serial" + np[0] + ".npy");
            Cli.Result s = Cli.run("diff2d", "--resume", ck.toString(), "--save", outSerial.toString());
            assertEquals(0, s.code(), s.err());
            assertEquals(rest.toString(), s.out());
            assertArrayEquals(want, Files.readAllBytes(outSerial), np[0] + " ranks resumed serially");
        }
    }
}
