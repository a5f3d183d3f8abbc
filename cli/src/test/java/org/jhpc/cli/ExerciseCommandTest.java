package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jhpc.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code jhpc exercise}: every reference solution passes its check (and so does every starting file, which each
 * check runs first); wrong, broken and missing files fail with a clear message. The programs run in child JVMs
 * whose deadline (--timeout) kills them with their process trees. Small cases (--small).
 */
class ExerciseCommandTest {
    static final Path ROOT = Path.of(java.util.Objects.requireNonNullElse(org.jhpc.core.Config.ROOT.given(), "..")).toAbsolutePath().normalize();

    static boolean hasMpirun() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, "mpirun"))) return true;
        }
        return false;
    }

    @ParameterizedTest
    @ValueSource(strings = {"profiling", "vectorising", "numexpr", "mpi-auc"})
    void theReferenceSolutionPasses(String name) {
        if (name.equals("mpi-auc")) {
            assumeTrue(hasMpirun(), "SKIPPED: mpirun is not on PATH (scripts/install-deps installs Open MPI)");
        }
        Path solution = ROOT.resolve("exercises").resolve(name).resolve("Solution.java");
        Cli.Result r = Cli.run("exercise", name, "--check", solution.toString(), "--small", "--timeout", "120");
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("exercise " + name + ": the task is exercises/" + name + "/TASK.md", lines.get(0));
        assertEquals(2, lines.stream().filter(l -> l.matches("  [0-9.]+ s  .*  ok: .*")).count(), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("speed-up: ") && l.contains("x over Start.java")), r.out());
        assertEquals("PASS", lines.getLast());
        assertTrue(Files.isRegularFile(solution.resolveSibling("TASK.md")));
    }

    @Test
    void aWrongAreaFailsAndSaysWhy(@TempDir Path dir) throws IOException {
        Path wrong = dir.resolve("Wrong.java");
        Files.writeString(wrong, """
                public class Wrong {
                    public static void main(String[] args) {
                        System.out.printf("The area is %f%n", 8.18);   // forgot the 1/n terms
                    }
                }
                """);
        Cli.Result r = Cli.run("exercise", "numexpr", "--check", wrong.toString(), "--small", "--timeout", "120");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("The area is 8.180000  FAIL: wrong area: the exact left sum of 100003 points is "
                + "8.17498650092245"), r.out());
        assertTrue(r.out().lines().toList().getLast().startsWith("FAIL: " + wrong + ": wrong area: "), r.out());
    }

    @Test
    void aFileThatDoesNotCompileFailsWithTheCompilersLine(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("Broken.java");
        Files.writeString(broken, "public class Broken {\n    void f() { int x = ; }\n}\n");
        Cli.Result r = Cli.run("exercise", "profiling", "--check", broken.toString(), "--small", "--timeout", "120");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("FAIL: " + broken + " does not compile: line 2: "), r.out());
    }

    @Test
    void wrongDiffusionTimesFail(@TempDir Path dir) throws IOException {
        Path wrong = dir.resolve("Late.java");
        Files.writeString(wrong, """
                public class Late {
                    public static void main(String[] args) {
                        System.out.println("0.0");
                        System.out.println("The total density is 1.0");
                    }
                }
                """);
        Cli.Result r = Cli.run("exercise", "vectorising", "--check", wrong.toString(), "--small", "--timeout", "120");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("FAIL: printed time 2 is '(nothing)', jhpc diff2d prints '0.5'"), r.out());
    }

    @Test
    void badInputIsOneLine(@TempDir Path dir) {
        Cli.Result r = Cli.run("exercise", "cython");
        assertEquals(2, r.code());
        assertEquals(List.of("jhpc exercise: error: unknown exercise 'cython'; choose one of profiling, vectorising, "
                + "numexpr, mpi-auc"), r.errLines());
        Cli.Result m = Cli.run("exercise", "profiling", "--check", dir.resolve("Nope.java").toString());
        assertEquals(2, m.code());
        assertEquals(List.of("jhpc exercise: error: --check: no such file: " + dir.resolve("Nope.java")), m.errLines());
        assertEquals("", m.out());
    }
}
