package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.jhpc.cli.JhpcProfilerConfig;
import org.jhpc.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jhpc profile} end to end: jhpc commands as targets, exit codes, the printed reports, and bad input. The
 * targets run through the profiler's own runner with a deadline ({@code --duration}, or the runner's own).
 */
class ProfileCommandTest {
    @TempDir
    Path dir;

    /** Every profiled target here is stopped after this many seconds (a hung one then fails its test). */
    private static final String DEADLINE = "120";

    private record Result(int code, String out, String err) {}

    private static Result jhpc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void profilesAJhpcCommandInAChildJvm() {
        Path stdout = dir.resolve("out.txt");
        ProfilerConfig jhpc = JhpcProfilerConfig.get();
        Target t = Target.parse(List.of("diff2d", "--set", "dx=0.5", "--set", "runtime=1.0"), jhpc);
        assertEquals("jhpc diff2d --set dx=0.5 --set runtime=1.0", t.label());
        assertTrue(t.javaArgs().contains(Main.class.getName()));
        assertTrue(t.javaArgs().contains("--add-modules=jdk.incubator.vector"), t.javaArgs().toString());
        Profiler.Run run = Profiler.run(ProfileOptions.defaults().withDuration(java.time.Duration.ofSeconds(120)), t,
                jhpc, java.lang.ProcessBuilder.Redirect.to(stdout.toFile()), java.lang.ProcessBuilder.Redirect.INHERIT);
        assertEquals(0, run.exitCode());
        assertTrue(Workloads.read(stdout).startsWith("0.0\n"), Workloads.read(stdout));
        assertTrue(run.data().method(Main.class.getName() + ".main").total() > 0, "jhpc's Main ran in the child");
    }

    @Test
    void keepsTheTargetsExitCodeAndPrintsTheThreeReports() {
        Path json = dir.resolve("x.json");
        Result r = jhpc("profile", "--duration", DEADLINE, "--method", "ExitCode.main", "--json", json.toString(), "--", "-cp",
                Workloads.classpath(), "org.jhpc.profiler.workloads.ExitCode", "3", "300000000");
        assertEquals(3, r.code(), r.err());
        assertTrue(Files.isRegularFile(json));
        assertTrue(r.out().contains("jhpc profile: org.jhpc.profiler.workloads.ExitCode (exit code 3)"), r.out());
        assertTrue(r.out().contains("By line (methods matching ExitCode.main)"), r.out());
        assertTrue(r.out().contains("Memory: "), r.out());
        assertTrue(r.out().contains("Heap used: peak"), r.out());
        assertTrue(r.out().contains("org.jhpc.profiler.workloads.ExitCode.main"), r.out());
        assertFalse(r.out().contains("jdk.jfr."), "the recorder's own work is left out");
    }

    @Test
    void profilesAJarTarget() throws Exception {
        Path jar = dir.resolve("exit.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.jhpc.profiler.workloads.ExitCode");
        String entry = "org/jhpc/profiler/workloads/ExitCode.class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
             InputStream in = getClass().getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
        }
        Path stdout = dir.resolve("out.txt");
        Profiler.Run run = Workloads.run(ProfileOptions.defaults(), Target.parse(List.of("-jar", jar.toString(), "5",
                "100000000"), Workloads.config()), stdout);
        assertEquals(5, run.exitCode());
        assertEquals("out 5 100000000\n", Workloads.read(stdout));
        assertTrue(run.data().method("org.jhpc.profiler.workloads.ExitCode.main").total() > 0);
    }

    @Test
    void outWritesTheReportToAFileAndLoadReadsAKeptRecording() throws Exception {
        Path report = dir.resolve("report.txt");
        Path rec = dir.resolve("run.jfr");
        Result r = jhpc("profile", "--duration", DEADLINE, "--out", report.toString(), "--jfr", rec.toString(), "--report", "methods,threads",
                "--", "-cp", Workloads.classpath(), "org.jhpc.profiler.workloads.ExitCode", "0", "300000000");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("By method"), "the report went to the file, not stdout: " + r.out());
        String text = Files.readString(report);
        assertTrue(text.contains("By method") && text.contains("By thread"), text);
        assertTrue(text.contains("org.jhpc.profiler.workloads.ExitCode.main"), text);
        Result loaded = jhpc("profile", "--load", rec.toString(), "--report", "methods");
        assertEquals(0, loaded.code(), loaded.err());
        assertTrue(loaded.out().contains("jhpc profile: run.jfr"), loaded.out());
        assertTrue(loaded.out().contains("org.jhpc.profiler.workloads.ExitCode.main"), loaded.out());
    }

    /**
     * A bad argument to a profiled jhpc command, in real processes (stderr not a terminal): the target's one error
     * line and exit code 2, without the child JVM's notice of the incubating Vector API. (This JVM's own notice, its
     * first line, is what the launcher drops.)
     */
    @Test
    void aBadArgumentToTheTargetIsOneLine() {
        org.jhpc.testing.ChildProcess.Result r = org.jhpc.testing.ChildProcess.of(
                org.jhpc.testing.Cli.javaCommand(List.of(), "profile", "--", "auc", "0")).timeout(120).run();
        assertEquals(2, r.exit(), r.all());
        List<String> err = new java.util.ArrayList<>(r.errLines());
        if (!err.isEmpty() && err.getFirst().equals("WARNING: Using incubator modules: jdk.incubator.vector")) err.removeFirst();
        assertEquals(List.of("jhpc auc: error: NTOT must be at least 1, got 0"), err, r.all());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        String cp = Workloads.classpath();
        String[][] cases = {
            {"profile"},
            {"profile", "--", "-cp"},
            {"profile", "--", "-cp", cp},
            {"profile", "--", "-Xmx64m"},
            {"profile", "--", "-jar", dir.resolve("missing.jar").toString()},
            {"profile", "--sort", "bogus", "--", "-cp", cp, "X"},
            {"profile", "--samples", "bogus", "--", "-cp", cp, "X"},
            {"profile", "--report", "bogus", "--", "-cp", cp, "X"},
            {"profile", "--top", "0", "--", "-cp", cp, "X"},
            {"profile", "--json", dir.resolve("no/such/dir/x.json").toString(), "--", "-cp", cp, "X"},
            {"profile", "--exact", "--", "-cp", dir.toString(), "X"},
            {"profile", "--sort", "calls", "--", "-cp", cp, "X"},
            {"profile", "--mode", "bogus", "--", "-cp", cp, "X"},
            {"profile", "--stack-depth", "0", "--", "-cp", cp, "X"},
            {"profile", "--load", dir.resolve("missing.jfr").toString()},
        };
        for (String[] c : cases) {
            Result r = jhpc(c);
            assertEquals(2, r.code(), String.join(" ", c) + " -> " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("jhpc profile: error: "), r.err());
        }
        assertFalse(Files.exists(dir.resolve("no")));
    }
}
