package org.jhpc.mpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.jhpc.testing.ChildProcess;
import org.jhpc.testing.MpiFlavour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module as a library of another Maven project: {@code mpi/example} (its own pom, depending on
 * {@code org.jhpc:jhpc-mpi}) is copied to a temporary directory, built offline against the local repository
 * ({@code mvn -o package}: {@code mvn install} must have put jhpc-mpi there; skipped loudly otherwise) and run
 * under {@code mpirun -np 2} with each installed MPI, exactly as the README tells a user.
 */
class MpiExampleTest {
    @Test
    void exampleProjectBuildsAndRunsUnderBothLibraries(@TempDir Path tmp) throws IOException {
        Path repo = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "jhpc", "jhpc-mpi");
        assumeTrue(Files.isDirectory(repo), () -> "SKIPPED: jhpc-mpi is not in the local Maven repository (" + repo
                + "); run mvn install first");
        String mvn = onPath("mvn");
        assumeTrue(mvn != null, "SKIPPED: mvn is not on PATH");
        Path src = Path.of("example").toAbsolutePath();
        Path dir = tmp.resolve("example");
        copy(src, dir);
        String javaHome = System.getProperty("java.home");
        ChildProcess.Result build = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            build = ChildProcess.of(mvn, "-B", "-q", "-ntp", "-o", "package").dir(dir).mergeStderr()
                    .env("JAVA_HOME", javaHome).timeout(300).run();
            // the local repository is shared: another build installing jhpc-mpi at this moment leaves a jar half
            // written (javac: "invalid LOC header"); only then is the build tried again
            if (build.exit() == 0 || !build.out().contains("ZipException")) break;
            sleep(5000);
        }
        ChildProcess.Result built = build;
        assertEquals(0, built.exit(), () -> "mvn package of the example failed:\n" + built.out());
        List<String> run = List.of(Path.of(javaHome, "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", "target/*:target/lib/*", "example.Ring");
        int ran = 0;
        for (MpiFlavour f : MpiFlavour.selected()) {
            if (f.missing() != null) {
                System.err.println("SKIPPED " + f + ": " + f.missing());
                continue;
            }
            ChildProcess.Result r = ChildProcess.of(f.command(2, run)).dir(dir).env(f.env()).mergeStderr().timeout(120).run();
            assertEquals(0, r.exit(), () -> f + ": " + r.out());
            assertTrue(r.out().contains("library: " + f), () -> f + ": " + r.out());
            assertTrue(r.out().contains("ranks: 2") && r.out().contains("rank 0 got 1 from the left; sum of ranks 1"),
                    () -> f + ": " + r.out());
            ran++;
        }
        assumeTrue(ran > 0, "SKIPPED: no MPI library installed");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(d.isEmpty() ? "." : d, tool);
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path rel = from.relativize(p);
                if (rel.startsWith("target")) continue;
                Path q = to.resolve(rel.toString());
                if (Files.isDirectory(p)) Files.createDirectories(q);
                else Files.copy(p, q, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
