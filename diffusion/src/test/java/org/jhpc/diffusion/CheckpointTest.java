package org.jhpc.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jhpc.core.Npy;
import org.jhpc.core.UserError;
import org.jhpc.core.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checkpoints: a run stopped at any step and resumed from its checkpoint, on any variant and thread count, ends
 * with the field of the uninterrupted run bit for bit and prints the remaining times exactly; broken checkpoints
 * are refused with a UserError naming the file.
 */
class CheckpointTest {
    @TempDir
    Path dir;

    /** N = 7 interior rows (awkward), 29 steps, a printed time every 3 steps. */
    static Diff2dProblem small() {
        return new Diff2dProblem(Diff2dTesting.params("dx=2.8", "runtime=60", "outtime=8"));
    }

    /** Runs {@code first} for {@code stopAt} steps, checkpoints, resumes on {@code second}; compares with a whole run. */
    @ParameterizedTest
    @CsvSource({"simd,1,loops,1,0", "loops,1,threads,3,13", "threads,2,simd,1,4", "threads,3,threads,2,28",
            "flat,1,threads,7,29", "simd,1,simd,1,1"})
    void resumedRunIsBitwiseTheUninterruptedRun(String first, int t1, String second, int t2, long stopAt) {
        Diff2dProblem p = small();
        Diff2dTesting.Outcome whole = Diff2dTesting.run(p, Variant.parse(second), t2, 0);
        Path ck = dir.resolve("ck.npz");
        try (Solver s = Solvers.create(p, new Diff2dOptions(Variant.parse(first), t1, 0))) {
            s.advance(stopAt);
            Checkpoint.write(ck, p, first, t1, 1, stopAt, Diff2dRun.simtimeAt(p, stopAt), s.density());
        }
        Checkpoint c = Checkpoint.read(ck);
        assertEquals(stopAt, c.step());
        assertEquals(first, c.variant());
        assertEquals(t1, c.threads());
        StringWriter printed = new StringWriter();
        double[] field;
        try (Solver s = Solvers.create(c.problem(), new Diff2dOptions(Variant.parse(second), t2, 0))) {
            Diff2dRun.run(c.problem(), s, new PrintWriter(printed), List.of(), c.start(), Diff2dRun.Control.NONE);
            field = copy(s.density());
        }
        assertArrayEquals(whole.field(), field, "bitwise the field of the uninterrupted run");
        assertEquals(remainingLines(whole.printed(), p, stopAt), printed.toString());
    }

    /** The uninterrupted run's lines for the printed times after {@code step}. */
    static String remainingLines(String all, Diff2dProblem p, long step) {
        String[] lines = all.split("\n");
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < lines.length; k++) if (k * p.nper > step) s.append(lines[k]).append('\n');
        return s.toString();
    }

    static double[] copy(Field f) {
        int n = f.size();
        double[] out = new double[n * n];
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            f.row(i, row);
            System.arraycopy(row, 0, out, i * n, n);
        }
        return out;
    }

    @Test
    void checkpointerWritesEveryKStepsAndTheLastOnStop() throws Exception {
        Diff2dProblem p = small();
        Path ck = dir.resolve("every.npz");
        Checkpointer every = new Checkpointer(ck, 5, 0, "simd", 1);
        try (Solver s = Solvers.create(p, new Diff2dOptions(Variant.SIMD, 1, 0))) {
            Diff2dRun.run(p, s, null, List.of(), Diff2dRun.Start.ZERO, every);
        }
        assertEquals(25, every.lastStep(), "steps 5, 10, ..., 25 of 29");
        assertEquals(5, every.written());
        assertEquals(25, Checkpoint.read(ck).step());
        assertEquals(5, Checkpointer.steps(p, 5 * p.dt + p.dt / 2));
        assertEquals(1, Checkpointer.steps(p, p.dt / 10));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("every.npz"), files.map(f -> f.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    @Test
    void wallClockCheckpointsFollowTheClock() {
        Diff2dProblem p = small();
        Path ck = dir.resolve("clock.npz");
        Checkpointer never = new Checkpointer(ck, 0, 1e9, "simd", 1);   // every 30 years
        Checkpointer always = new Checkpointer(ck, 0, 1e-9, "simd", 1);  // every nanosecond: after each advance
        for (Checkpointer c : List.of(never, always)) {
            try (Solver s = Solvers.create(p, new Diff2dOptions(Variant.SIMD, 1, 0))) {
                Diff2dRun.run(p, s, null, List.of(), Diff2dRun.Start.ZERO, c);
            }
        }
        assertEquals(0, never.written());
        assertFalse(Files.exists(ck) && never.lastStep() >= 0);
        assertTrue(always.written() >= 1);
        assertEquals(p.nsteps, always.lastStep());
        assertEquals(p.nsteps, Checkpoint.read(ck).step());
    }

    @Test
    void stopRequestWritesALastCheckpointAndThrows() {
        Diff2dProblem p = small();
        Path ck = dir.resolve("stop.npz");
        org.jhpc.core.Signals.Caught term = new org.jhpc.core.Signals.Caught("TERM", 15);
        Checkpointer ckpt = new Checkpointer(ck, 0, 0, "simd", 1);
        Diff2dRun.Control stopping = new Diff2dRun.Control() {   // a signal that arrived during the first advance
            @Override public long nextStop(long done) { return ckpt.nextStop(done); }
            @Override public void after(Diff2dProblem q, long done, double t, Solver s, boolean last) {
                ckpt.after(q, done, t, s, last);
            }
            @Override public org.jhpc.core.Signals.Caught stopRequested(long done) { return term; }
        };
        try (Solver s = Solvers.create(p, new Diff2dOptions(Variant.SIMD, 1, 0))) {
            Diff2dRun.Stopped e = assertThrows(Diff2dRun.Stopped.class,
                    () -> Diff2dRun.run(p, s, null, List.of(), Diff2dRun.Start.ZERO, stopping));
            assertEquals(143, e.signal.exitCode());
            assertEquals(e.step, Checkpoint.read(ck).step());
            assertTrue(e.step > 0 && e.step < p.nsteps, "stopped within the run: " + e.step);
        }
    }

    @Test
    void numpyLayout() throws Exception {
        Diff2dProblem p = small();
        Path ck = dir.resolve("layout.npz");
        try (Solver s = Solvers.create(p, new Diff2dOptions(Variant.LOOPS, 1, 0))) {
            s.advance(3);
            Checkpoint.write(ck, p, "loops", 1, 1, 3, Diff2dRun.simtimeAt(p, 3), s.density());
        }
        try (var zip = new java.util.zip.ZipFile(ck.toFile())) {
            assertEquals(List.of("density.npy", "simtime.npy", "meta.txt"),
                    zip.stream().map(ZipEntry::getName).toList());
            zip.stream().forEach(e -> assertEquals(ZipEntry.STORED, e.getMethod(), e.getName()));
            // each .npy member is a plain .npy file: copy it out and read it back with core's reader
            Path d = dir.resolve("density.npy");
            Files.copy(zip.getInputStream(zip.getEntry("density.npy")), d);
            Npy.Matrix m = Npy.read(d);
            assertEquals(p.npnts, m.rows());
            Path t = dir.resolve("simtime.npy");
            Files.copy(zip.getInputStream(zip.getEntry("simtime.npy")), t);
            assertEquals(Diff2dRun.simtimeAt(p, 3), Npy.read(t).get(0, 0));
        }
    }

    // --- refused checkpoints ------------------------------------------------------------------------------------

    private Path good() {
        Diff2dProblem p = small();
        Path ck = dir.resolve("good.npz");
        try (Solver s = Solvers.create(p, new Diff2dOptions(Variant.SIMD, 1, 0))) {
            s.advance(10);
            Checkpoint.write(ck, p, "simd", 1, 1, 10, Diff2dRun.simtimeAt(p, 10), s.density());
        }
        return ck;
    }

    private String refused(Path file) {
        UserError e = assertThrows(UserError.class, () -> Checkpoint.read(file));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void truncatedAtAnyLengthIsRefused() throws Exception {
        byte[] all = Files.readAllBytes(good());
        Path cut = dir.resolve("cut.npz");
        for (int len : new int[] {0, 1, 30, all.length / 3, all.length / 2, all.length - 200, all.length - 1}) {
            Files.write(cut, Arrays.copyOf(all, len));
            refused(cut);
        }
    }

    @Test
    void everyFlippedByteInTheDensityIsCaught() throws Exception {
        byte[] all = Files.readAllBytes(good());
        Path bad = dir.resolve("flip.npz");
        int start = 30 + "density.npy".length() + 128;   // past the local header and the .npy header
        for (int k = 0; k < 50; k++) {
            byte[] b = all.clone();
            int at = start + k * 7;
            b[at] ^= (byte) (1 << (k % 8));
            Files.write(bad, b);
            String m = refused(bad);
            assertTrue(m.contains("corrupt") || m.contains("truncated"), m);
        }
    }

    @Test
    void foreignFilesAreRefused() throws Exception {
        Path text = dir.resolve("text.npz");
        Files.writeString(text, "D = 1.0\n");
        refused(text);
        Path npy = dir.resolve("field.npy");
        Npy.write(npy, 2, 2, (i, dst) -> Arrays.fill(dst, 1.0));
        refused(npy);
        Path otherZip = dir.resolve("other.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(otherZip))) {
            z.putNextEntry(new ZipEntry("x.npy"));
            z.write(Files.readAllBytes(npy));
            z.closeEntry();
        }
        assertTrue(refused(otherZip).contains("not a jhpc diff2d checkpoint"));
        refused(dir.resolve("missing.npz"));
        refused(dir);
    }

    @Test
    void editedOrNewerMetadataIsRefused() throws Exception {
        Path ck = good();
        String meta = readMeta(ck);
        assertTrue(refused(rewrite(ck, meta.replace("step=10", "step=11"), false)).contains("checksum"));
        assertTrue(refused(rewrite(ck, meta.replace("step=10", "step=11"), true)).contains("simtime"));
        assertTrue(refused(rewrite(ck, meta.replace("version=1", "version=2"), true)).contains("version 2"));
        assertTrue(refused(rewrite(ck, meta.replace("npnts=9", "npnts=10"), true)).contains("inconsistent"));
        assertTrue(refused(rewrite(ck, meta.replace("format=jhpc-diff2d-checkpoint", "format=other"), true))
                .contains("not a jhpc diff2d checkpoint"));
        assertTrue(refused(rewrite(ck, meta.replace("dx=", "dx=-"), true)).contains("invalid parameters"));
    }

    private static String readMeta(Path ck) throws Exception {
        try (var zip = new java.util.zip.ZipFile(ck.toFile())) {
            return new String(zip.getInputStream(zip.getEntry("meta.txt")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A copy of {@code ck} with another meta.txt; {@code fixCrc}: with its meta_crc32 line recomputed. */
    private Path rewrite(Path ck, String meta, boolean fixCrc) throws Exception {
        String body = meta.substring(0, meta.lastIndexOf("meta_crc32="));
        if (fixCrc) {
            java.util.zip.CRC32 c = new java.util.zip.CRC32();
            c.update(body.getBytes(StandardCharsets.UTF_8));
            meta = body + "meta_crc32=" + Long.toHexString(c.getValue()) + "\n";
        }
        Path out = dir.resolve("edited-" + System.nanoTime() + ".npz");
        try (var zip = new java.util.zip.ZipFile(ck.toFile());
             ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (String name : List.of("density.npy", "simtime.npy")) {
                z.putNextEntry(new ZipEntry(name));
                z.write(zip.getInputStream(zip.getEntry(name)).readAllBytes());
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("meta.txt"));
            z.write(meta.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out;
    }

    @Test
    void parametersThatDifferAreNamed() {
        Checkpoint c = Checkpoint.read(good());
        assertEquals("", c.differences(c.params()));
        assertEquals("dx = 2.8 in the checkpoint, 0.5 given",
                c.differences(c.params().withAssignment("dx=0.5")));
    }
}
