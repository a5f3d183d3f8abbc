package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jhpc.testing.ChildProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping (issue 16, item 3): SIGINT or SIGTERM to the profiler, with its stderr redirected to a file (as in
 * {@code 2>log}, CI and batch jobs), must stop the target, still print the report and exit 130 or 143, whether
 * the target is a child JVM or runs in the profiler's own ({@link InProcess}). The
 * profiler runs in a child JVM started by a shell (through {@link ChildProcess}, whose deadline kills the whole
 * tree) that sends the signal once the target has started.
 */
class SignalTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"INT, 130, child", "TERM, 143, child", "INT, 130, in-process", "TERM, 143, in-process"})
    void aSignalStopsTheTargetAndTheReportIsStillPrinted(String signal, int code, String how) throws Exception {
        Path pid = dir.resolve("target.pid");
        Path err = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        String runs = how.equals("child") ? "-cp \"$2\" " : "--in-process ";   // in-process: the target is this JVM
        String script = "( trap - INT; exec \"$0\" -cp \"$1\" org.jhpc.profiler.ProfileMain " + runs
                + "org.jhpc.profiler.workloads.Forever \"$3\" ) 2>\"$4\" & p=$!; "
                + "for i in $(seq 600); do [ -s \"$3\" ] && break; sleep 0.1; done; sleep 1.5; "
                + "kill -" + signal + " $p; wait $p; echo \"rc=$?\"";
        ChildProcess.Result r = ChildProcess.of("bash", "-c", script, java, cp, Workloads.classpath(), pid.toString(),
                err.toString()).timeout(120).run();
        assertTrue(r.out().contains("rc=" + code), r.all() + "\nstderr file:\n" + Files.readString(err));
        assertTrue(r.out().contains("stopped by SIG" + signal), r.out());
        assertTrue(r.out().contains("org.jhpc.profiler.workloads.Forever.main"), r.out());
        long target = Long.parseLong(Files.readString(pid).strip());
        Optional<ProcessHandle> h = ProcessHandle.of(target);
        assertTrue(h.isEmpty() || !h.get().isAlive(), "the target " + target + " was stopped");
    }

    @Test
    void pidAttachesToARunningJvmAndLeavesItRunning() throws Exception {
        Path pid = dir.resolve("target.pid");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "\"$0\" -cp \"$2\" org.jhpc.profiler.workloads.Forever \"$3\" & t=$!; "
                + "for i in $(seq 600); do [ -s \"$3\" ] && break; sleep 0.1; done; "
                + "\"$0\" -cp \"$1\" org.jhpc.profiler.ProfileMain --pid $t 3; echo \"rc=$?\"; "
                + "kill -0 $t && echo alive; kill -KILL $t";
        ChildProcess.Result r = ChildProcess.of("bash", "-c", script, java, System.getProperty("java.class.path"),
                Workloads.classpath(), pid.toString()).timeout(120).run();
        assertTrue(r.out().contains("rc=0"), r.all());
        assertTrue(r.out().contains("jhpc profile: pid " + Files.readString(pid).strip()), r.out());
        assertTrue(r.out().contains("org.jhpc.profiler.workloads.Forever.main"), r.out());
        assertTrue(r.out().contains("alive"), "the target keeps running: " + r.out());
    }

    @Test
    void theDeadlineStopsTheTargetAndKeepsItsProfile() {
        ProfileOptions o = ProfileOptions.defaults().withDuration(Duration.ofSeconds(3));
        Profiler.Run run = Workloads.run(o, Workloads.target("Forever", dir.resolve("p").toString()), dir.resolve("o"));
        assertEquals("deadline", run.stoppedBy());
        assertEquals(143, run.exitCode(), "SIGTERM's exit code");
        assertNotNull(run.data(), "the recording was written at the target's exit");
        assertTrue(run.data().method("org.jhpc.profiler.workloads.Forever.main").total() > 0);
    }
}
