package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.jhpc.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C through the real {@code ./jhpc} launcher (bash script, then the JVM in the background with a stderr
 * filter, because stderr is not a terminal): SIGINT to the whole process group (as a terminal sends it) with stderr
 * redirected to a file must still print the report and exit 130, and the target must be gone. The launcher runs
 * from a copy of the repository's script over this build's classes (its build step sees an up-to-date stamp and
 * does nothing; {@code JHPC_AOT=0}); {@code setsid} gives it a process group of its own, which the signal goes to.
 */
class LauncherSignalTest {
    @TempDir
    Path dir;

    @Test
    void sigintToTheProcessGroupThroughTheLauncherPrintsTheReportAndExits130() throws Exception {
        Path repo = Path.of(Objects.requireNonNullElse(org.jhpc.core.Config.ROOT.given(), "..")).toAbsolutePath()
                .normalize();
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("scripts"));
        Files.createDirectories(root.resolve("cli/target"));
        Files.copy(repo.resolve("jhpc"), root.resolve("jhpc"));
        Files.copy(repo.resolve("scripts/jdk.sh"), root.resolve("scripts/jdk.sh"));
        root.resolve("jhpc").toFile().setExecutable(true);
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(root.resolve("cli/target/jhpc-cli-test.jar")),
                new Manifest())) {
            // the launcher puts the cli jar first; this build's classes are in launcher.cp
        }
        Files.writeString(root.resolve("cli/target/launcher.cp"), System.getProperty("java.class.path") + "\n");
        Files.writeString(root.resolve("cli/target/jhpc.stamp"), "");
        Path pid = dir.resolve("target.pid");
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        String script = "setsid \"$0\" profile --report methods -- -cp \"$1\" org.jhpc.profiler.workloads.Forever \"$2\" "
                + ">\"$3\" 2>\"$4\" </dev/null & p=$!; "
                + "for i in $(seq 600); do [ -s \"$2\" ] && break; sleep 0.1; done; sleep 1.5; "
                + "kill -INT -- -$p; wait $p; echo \"rc=$?\"";
        ChildProcess.Result r = ChildProcess.of("bash", "-c", script, root.resolve("jhpc").toString(),
                Workloads.classpath(), pid.toString(), out.toString(), err.toString())
                .env("JAVA_HOME", System.getProperty("java.home")).env("JHPC_AOT", "0").timeout(120).run();
        String report = Files.readString(out);
        String diag = r.all() + "\nstdout:\n" + report + "\nstderr file:\n" + Files.readString(err);
        assertTrue(r.out().contains("rc=130"), diag);
        assertTrue(report.contains("stopped by SIGINT"), diag);
        assertTrue(report.contains("org.jhpc.profiler.workloads.Forever.main"), diag);
        long target = Long.parseLong(Files.readString(pid).strip());
        Optional<ProcessHandle> h = ProcessHandle.of(target);
        assertTrue(h.isEmpty() || !h.get().isAlive(), "the target " + target + " was stopped");
    }
}
