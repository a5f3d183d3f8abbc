package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jhpc.diffusion.Checkpoint;
import org.jhpc.mpi.Mpirun;
import org.jhpc.testing.ChildProcess;
import org.jhpc.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs killed, stopped, starved of disk and fed hostile options: outputs are whole or absent, a checkpoint resumes
 * bit for bit, and every refusal is one line with exit code 2. Signals go to a child JVM started by a bash script
 * that waits for the run to reach a known point first (no sleeps as synchronisation, no timed assertions).
 */
class FaultsTest {
    @TempDir
    Path dir;

    /**
     * A bash script that defines {@code $jhpc} (a child JVM running Main with -Djava.io.tmpdir=$PWD/jtmp), an array
     * so that {@code "${jhpc[@]}" ... &} makes {@code $!} the JVM itself (a function would put a subshell between).
     */
    private String prelude() {
        List<String> cmd = Cli.javaCommand(List.of("-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + dir.resolve("jtmp")));
        StringBuilder s = new StringBuilder("set -u\nmkdir -p jtmp\njhpc=(env --default-signal=INT");
        for (String a : cmd) s.append(" '").append(a.replace("'", "'\\''")).append('\'');
        s.append(")\n");
        // waitfor FILE: until the file exists (the test's own deadline bounds it)
        s.append("waitfor() { while [ ! -e \"$1\" ]; do sleep 0.02; done; }\n");
        return s.toString();
    }

    private ChildProcess.Result sh(String script) {
        return ChildProcess.of("bash", "-c", prelude() + script.replace("jhpc diff2d", "\"${jhpc[@]}\" diff2d")).dir(dir).timeout(180).run();
    }

    /** err.txt without the JVM's own incubator-module notice (the launcher drops it; a bare JVM prints it). */
    private List<String> errLines() throws Exception {
        return Files.readAllLines(dir.resolve("err.txt")).stream()
                .filter(l -> !l.equals("WARNING: Using incubator modules: jdk.incubator.vector")).toList();
    }

    private List<String> hidden() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString())
                    .filter(n -> n.startsWith(".") || n.contains("/.") || n.startsWith("jtmp/")).toList();
        }
    }

    @ParameterizedTest(name = "{0} during --save/--gif/--frames")
    @CsvSource({"TERM,143", "INT,130"})
    void signalLeavesNoPartialFiles(String signal, int code) throws Exception {
        ChildProcess.Result r = sh("jhpc diff2d --variant loops --set runtime=300 --frames fr --gif run.gif --save s.npy"
                + " >out.txt 2>err.txt &\npid=$!\nwaitfor fr/frame_00001.png\nkill -" + signal + " $pid\nwait $pid\n"
                + "echo rc=$?\n");
        assertTrue(r.out().contains("rc=" + code), r.all());
        List<String> err = errLines();
        assertEquals(1, err.size(), String.join("\n", err));
        assertTrue(err.get(0).startsWith("jhpc diff2d: stopped by SIG" + signal + "; kept: "), err.get(0));
        assertTrue(err.get(0).contains("not written: --save, --gif"), err.get(0));
        assertFalse(Files.exists(dir.resolve("run.gif")));
        assertFalse(Files.exists(dir.resolve("s.npy")));
        assertEquals(List.of(), hidden(), "no hidden temporary file, no ImageIO cache file");
    }

    @Test
    void sigkillLeavesNoImageIoCacheAndTheNextRunSweepsItsTemporaryFile() throws Exception {
        ChildProcess.Result r = sh("jhpc diff2d --variant loops --set runtime=300 --gif run.gif >out.txt 2>err.txt &\n"
                + "pid=$!\nuntil [ \"$(wc -l <out.txt)\" -ge 3 ]; do sleep 0.02; done\nkill -KILL $pid\nwait $pid\n"
                + "echo rc=$?\nls -a jtmp\n");
        assertTrue(r.out().contains("rc=137"), r.all());
        List<String> left = hidden();
        assertTrue(left.stream().anyMatch(n -> n.matches("\\.run\\.gif\\.[0-9]+\\.[0-9a-z]+\\.tmp")),
                "SIGKILL cannot be caught: the hidden temporary file stays, " + left);
        assertFalse(left.stream().anyMatch(n -> n.startsWith("jtmp/")), "no imageio*.tmp in java.io.tmpdir: " + left);
        Cli.Result again = Cli.run("diff2d", "--set", "runtime=0.5", "--gif", dir.resolve("run.gif").toString());
        assertEquals(0, again.code(), again.err());
        assertEquals(List.of(), hidden(), "the dead run's temporary file is swept");
        assertTrue(Files.size(dir.resolve("run.gif")) > 0);
    }

    /** kill -9 at a random moment after the first checkpoint, then resume on another variant and thread count. */
    @ParameterizedTest(name = "{0} killed, resumed on {2} x{3}")
    @CsvSource({"loops,1,threads,2,400", "threads,2,simd,1,400"})
    void killNineAtARandomStepThenResumeBitwise(String variant, int threads, String resumeVariant, int resumeThreads,
                                                int runtime) throws Exception {
        long seed = new Random().nextLong();
        int delayMs = (int) Math.floorMod(seed, 400L);
        String[] params = {"--set", "dx=0.2", "--set", "runtime=" + runtime, "--set", "outtime=20"};
        ChildProcess.Result r = sh("jhpc diff2d --variant " + variant + " --threads " + threads + " " + String.join(" ", params)
                + " --checkpoint ck.npz --checkpoint-every 2 >out.txt 2>err.txt &\npid=$!\nwaitfor ck.npz\n"
                + "sleep " + delayMs / 1000.0 + "\nkill -KILL $pid\nwait $pid\necho rc=$?\n");
        assertTrue(r.out().contains("rc=137") || r.out().contains("rc=0"), r.all());
        Checkpoint ck = Checkpoint.read(dir.resolve("ck.npz"));   // whole: the last one written before the kill
        List<String> args = new ArrayList<>(List.of("diff2d", "--variant", "simd"));
        args.addAll(List.of(params));
        args.addAll(List.of("--save", dir.resolve("whole.npy").toString()));
        Cli.Result whole = Cli.run(args.toArray(String[]::new));
        assertEquals(0, whole.code(), whole.err());
        Cli.Result resumed = Cli.run("diff2d", "--resume", dir.resolve("ck.npz").toString(), "--variant", resumeVariant,
                "--threads", Integer.toString(resumeThreads), "--save", dir.resolve("resumed.npy").toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve("whole.npy")), Files.readAllBytes(dir.resolve("resumed.npy")),
                "bitwise the uninterrupted field (seed " + seed + ", checkpoint step " + ck.step() + ")");
        String[] lines = whole.out().split("\n");
        long nper = new org.jhpc.diffusion.Diff2dProblem(ck.params()).nper;
        StringBuilder rest = new StringBuilder();
        for (int k = 0; k < lines.length; k++) if (k * nper > ck.step()) rest.append(lines[k]).append('\n');
        assertEquals(rest.toString(), resumed.out(), "the remaining times, exactly");
    }

    @Test
    void sigtermWritesALastCheckpointAndSaysHowToResume() throws Exception {
        ChildProcess.Result r = sh("jhpc diff2d --variant loops --set runtime=300 --checkpoint ck.npz >out.txt 2>err.txt &\n"
                + "pid=$!\nuntil [ \"$(wc -l <out.txt)\" -ge 3 ]; do sleep 0.02; done\nkill -TERM $pid\nwait $pid\n"
                + "echo rc=$?\n");
        assertTrue(r.out().contains("rc=143"), r.all());
        List<String> err = errLines();
        assertEquals(1, err.size(), String.join("\n", err));
        Checkpoint ck = Checkpoint.read(dir.resolve("ck.npz"));
        assertTrue(err.get(0).matches("jhpc diff2d: stopped by SIGTERM at step " + ck.step() + " \\(simtime .*\\); kept: "
                + "checkpoint ck.npz \\(step " + ck.step() + "\\); resume with: jhpc diff2d --resume ck.npz --checkpoint ck.npz"),
                err.get(0));
        assertEquals("loops", ck.variant());
        assertEquals(List.of(), hidden());
    }

    @Test
    void modesFollowTheUmaskAndExistingFilesKeepTheirs() throws Exception {
        ChildProcess.Result r = sh("umask 022; jhpc diff2d --set runtime=0 --save a.npy >/dev/null\n"
                + "umask 077; jhpc diff2d --set runtime=0.01 --save b.npy --gif b.gif --frames fr --checkpoint b.npz "
                + "--checkpoint-every 0.0025 >/dev/null\n"
                + "touch c.npy; chmod 664 c.npy; jhpc diff2d --set runtime=0 --save c.npy >/dev/null\n"
                + "stat -c '%n %a' a.npy b.npy b.gif fr/frame_00000.png b.npz c.npy\n");
        assertEquals("a.npy 644\nb.npy 600\nb.gif 600\nfr/frame_00000.png 600\nb.npz 600\nc.npy 664\n", r.out(), r.all());
    }

    @Test
    void fullDiskWhileWritingFramesIsOneLine() throws Exception {
        Path mnt = dir.resolve("small");
        Files.createDirectories(mnt);
        ChildProcess.Result m = ChildProcess.of("mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", mnt.toString())
                .timeout(30).run();
        assumeTrue(m.exit() == 0, "SKIPPED LOUDLY: cannot mount a small tmpfs here (needs root): " + m.all());
        try {
            Cli.Result r = Cli.run("diff2d", "--set", "runtime=5", "--frames", mnt.resolve("fr").toString(),
                    "--gif", mnt.resolve("run.gif").toString());
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().matches("jhpc diff2d: error: cannot write .*: No space left on device\\n"), r.err());
            try (Stream<Path> s = Files.walk(mnt)) {
                List<String> names = s.map(p -> p.getFileName().toString()).toList();
                assertFalse(names.stream().anyMatch(n -> n.startsWith(".")), "no partial file: " + names);
                assertFalse(names.contains("run.gif"), names.toString());
            }
        } finally {
            ChildProcess.of("umount", mnt.toString()).timeout(30).run();
        }
    }

    @Test
    void readOnlyAndVanishedOutputDirectories() throws Exception {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Cli.Result r;
        boolean root = "root".equals(System.getProperty("user.name"));
        // root writes through permission bits: make the directory a read-only file system instead
        boolean mounted = root && ChildProcess.of("mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", ro.toString())
                .timeout(30).run().exit() == 0;
        if (!root) ro.toFile().setWritable(false);
        try {
            assumeTrue(!root || mounted, "SKIPPED LOUDLY: root and no read-only tmpfs: cannot make a read-only directory");
            for (String opt : List.of("--save", "--gif", "--checkpoint")) {
                r = Cli.run("diff2d", "--set", "runtime=0", opt, ro.resolve("a.out").toString());
                assertEquals(List.of("jhpc diff2d: error: cannot write " + ro.resolve("a.out") + ": directory " + ro
                        + " is not writable"), r.errLines());
            }
            r = Cli.run("diff2d", "--set", "runtime=0", "--frames", ro.resolve("fr").toString());
            assertEquals(2, r.code());
            assertEquals(1, r.errLines().size(), r.err());
        } finally {
            if (mounted) ChildProcess.of("umount", ro.toString()).timeout(30).run();
        }
        r = Cli.run("diff2d", "--set", "runtime=0", "--checkpoint", dir.resolve("gone/ck.npz").toString());
        assertEquals(2, r.code());
        assertEquals(List.of("jhpc diff2d: error: cannot write " + dir.resolve("gone/ck.npz") + ": no such directory "
                + dir.resolve("gone")), r.errLines());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--save x --gif x|--save and --gif name the same file x; give each output its own file",
        "--save x --checkpoint ./x|--save and --checkpoint name the same file x; give each output its own file",
        "--threads 100000|--threads must be <= 1024, got 100000",
        "--checkpoint-every 1|--checkpoint-every and --checkpoint-every-seconds need --checkpoint FILE.npz",
        "--checkpoint c.npz --checkpoint-every 0|--checkpoint-every must be a positive simulated time, got 0.0",
        "--checkpoint c.npz --checkpoint-every-seconds -1|--checkpoint-every-seconds must be a positive number of seconds, got -1.0",
        "--checkpoint c.npz --checkpoint-every-seconds 5 --variant mpi|--checkpoint-every-seconds is not available for --variant mpi (clocks differ between ranks); use --checkpoint-every",
        "--resume nothere.npz|cannot read checkpoint nothere.npz: no such file"})
    void hostileOptionsAreOneLine(String args, String message) {
        Cli.Result r = Cli.run(("diff2d --set runtime=0 " + args).split(" "));
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of("jhpc diff2d: error: " + message), r.errLines());
        assertFalse(Files.exists(Path.of("x")));
    }

    @Test
    void profilerOutputsMustDiffer() {
        Cli.Result r = Cli.run("profile", "--json", "p.out", "--collapsed", "p.out", "--", "auc", "1000");
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of("jhpc profile: error: --json and --collapsed name the same file p.out; give each output "
                + "its own file"), r.errLines());
    }

    @Test
    void staleFramesAreRefusedNotMixedIn() throws Exception {
        Path fr = Files.createDirectories(dir.resolve("fr"));
        Files.writeString(fr.resolve("frame_00003.png"), "old");
        Cli.Result r = Cli.run("diff2d", "--set", "runtime=1", "--frames", fr.toString());
        assertEquals(2, r.code());
        assertEquals(List.of("jhpc diff2d: error: --frames " + fr + " already holds 1 frame of an earlier run "
                + "(frame_00003.png); remove them or choose another directory"), r.errLines());
        assertEquals("old", Files.readString(fr.resolve("frame_00003.png")), "nothing deleted");
        Files.delete(fr.resolve("frame_00003.png"));
        Files.writeString(fr.resolve("notes.txt"), "mine");   // other files are left alone
        assertEquals(0, Cli.run("diff2d", "--set", "runtime=1", "--frames", fr.toString()).code());
        try (Stream<Path> s = Files.list(fr)) {
            assertEquals(4, s.count(), "three frames and notes.txt");
        }
    }

    @Test
    void resumeWithFramesContinuesTheNumbering() throws Exception {
        Path frA = dir.resolve("a");
        Path frB = Files.createDirectories(dir.resolve("b"));
        Path ck = dir.resolve("ck.npz");
        Cli.Result first = Cli.run("diff2d", "--set", "runtime=1", "--frames", frA.toString(),
                "--checkpoint", ck.toString(), "--checkpoint-every", "0.625");
        assertEquals(0, first.code(), first.err());
        long step = Checkpoint.read(ck).step();
        assertTrue(step > 199 && step < 398, "between the second and third printed times: " + step);
        Cli.Result resumed = Cli.run("diff2d", "--resume", ck.toString(), "--frames", frB.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals("0.9949999999999898\n", resumed.out(), "only the time after the checkpoint");
        try (Stream<Path> list = Files.list(frB)) {
            assertEquals(List.of("frame_00002.png"), list.map(f -> f.getFileName().toString()).toList());
        }
        assertArrayEquals(Files.readAllBytes(frA.resolve("frame_00002.png")), Files.readAllBytes(frB.resolve("frame_00002.png")));
        Cli.Result stale = Cli.run("diff2d", "--resume", ck.toString(), "--frames", frA.toString());
        assertEquals(2, stale.code(), "frame 2 of the finished run is there already: " + stale.err());
        Cli.Result mismatch = Cli.run("diff2d", "--resume", ck.toString(), "--set", "runtime=2");
        assertEquals(List.of("jhpc diff2d: error: --resume " + ck + " does not match the parameters given: runtime = "
                + "1.0 in the checkpoint, 2.0 given"), mismatch.errLines());
    }

    @Test
    void outtimeZeroPrintsEveryStepAndManyThreadsOnATinyGridFinish() {
        Cli.Result r = Cli.run("diff2d", "--set", "dx=2.8", "--set", "runtime=10", "--set", "outtime=0");
        assertEquals(0, r.code(), r.err());
        assertEquals(5, r.out().split("\n").length, "steps 0..4 of dt = 2.04: " + r.out());
        Cli.Result t = Cli.run("diff2d", "--set", "dx=2.8", "--set", "runtime=10", "--set", "outtime=0",
                "--variant", "threads", "--threads", "1000");
        assertEquals(0, t.code(), t.err());
        assertEquals(r.out(), t.out());
    }

    @Test
    void byteOrderMarkInTheParameterFile() throws Exception {
        Path p = dir.resolve("p.py");
        Files.write(p, "\uFEFFruntime = 1.0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Cli.Result r = Cli.run("diff2d", "--params", p.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.out().split("\n").length);
    }

    @Test
    void badOptionUnderMpirunIsPrintedOnce() {
        var m = Mpirun.find();
        assumeTrue(m.isPresent(), "SKIPPED LOUDLY: mpirun not installed");
        List<String> cmd = Mpirun.command(m.get(), 4, Cli.javaCommand(List.of("-XX:+UseSerialGC"), "diff2d", "--bogus"));
        ChildProcess.Result r = ChildProcess.of(cmd).timeout(120).run();
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("jhpc diff2d: error: Unknown option: '--bogus'")).count(),
                r.all());
        assertFalse(r.out().contains("jhpc diff2d: error"), r.all());
    }

    /** The same under MPICH's Hydra, whose ranks know their number from PMI_RANK. */
    @Test
    void badOptionUnderMpichIsPrintedOnce() {
        String why = org.jhpc.testing.MpiFlavour.MPICH.missing();
        assumeTrue(why == null, () -> "SKIPPED LOUDLY: MPICH not installed: " + why);
        List<String> cmd = org.jhpc.testing.MpiFlavour.MPICH.command(4,
                Cli.javaCommand(List.of("-XX:+UseSerialGC"), "diff2d", "--bogus"));
        ChildProcess.Result r = ChildProcess.of(cmd).env(org.jhpc.testing.MpiFlavour.MPICH.env()).timeout(120).run();
        assertEquals(1, r.all().lines().filter(l -> l.startsWith("jhpc diff2d: error: Unknown option: '--bogus'")).count(),
                r.all());
    }
}
