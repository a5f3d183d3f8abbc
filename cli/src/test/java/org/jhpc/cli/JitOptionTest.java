package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jhpc.testing.ChildProcess;
import org.jhpc.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --jit}: each mode re-executes the command in a JVM of that mode (child JVMs with deadlines) and gives the
 * same output; --timing names the mode and the compile time. Tiny cases: the interpreter is slow.
 */
class JitOptionTest {
    static ChildProcess.Result jhpc(String... args) {
        return ChildProcess.of(Cli.javaCommand(List.of(), args)).timeout(120).run();
    }

    @Test
    void aucIsTheSameInEveryMode() {
        String c2 = null;
        for (String mode : new String[] {"c2", "c1", "interp"}) {
            ChildProcess.Result r = jhpc("auc", "1023", "--variant", "loops", "--digits", "17", "--jit", mode,
                    "--timing", "--repeat", "2");
            assertEquals(0, r.exit(), r.all());
            assertTrue(r.out().startsWith("The area is 8.1736852968"), r.out());
            if (c2 == null) c2 = r.out();
            assertEquals(c2, r.out(), "--jit " + mode);
            List<String> err = r.errLines();
            assertTrue(err.stream().anyMatch(l -> l.startsWith("jit=" + mode + " (")), r.err());
            assertTrue(err.stream().anyMatch(l -> l.startsWith("jit_compile_seconds=")), r.err());
            assertTrue(err.stream().anyMatch(l -> l.matches("first_call_seconds=\\S+ steady_seconds=\\S+ .*")), r.err());
            assertTrue(err.getLast().startsWith("compute_seconds="), r.err());
        }
    }

    @Test
    void diff2dIsTheSameInEveryMode(@TempDir Path dir) throws IOException {
        byte[] c2 = null;
        String c2Out = null;
        for (String mode : new String[] {"c2", "c1", "interp"}) {
            Path npy = dir.resolve(mode + ".npy");
            ChildProcess.Result r = jhpc("diff2d", "--set", "dx=1", "--set", "runtime=2", "--variant", "loops",
                    "--save", npy.toString(), "--jit", mode);
            assertEquals(0, r.exit(), r.all());
            byte[] bytes = Files.readAllBytes(npy);
            if (c2 == null) {
                c2 = bytes;
                c2Out = r.out();
            }
            assertArrayEquals(c2, bytes, "--jit " + mode + ": final density");
            assertEquals(c2Out, r.out(), "--jit " + mode + ": printed times");
        }
        assertTrue(c2Out.startsWith("0.0\n"), c2Out);
    }

    @Test
    void withoutTheOptionTheJvmsOwnModeIsKept() {
        ChildProcess.Result r = ChildProcess.of(Cli.javaCommand(List.of("-Xint"), "auc", "1023", "--timing"))
                .timeout(120).run();
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.errLines().contains("jit=interp (the bytecode interpreter only, no compiler)"), r.err());
    }

    @Test
    void anUnknownModeIsOneLine() {
        Cli.Result r = Cli.run("diff2d", "--jit", "pypy");
        assertEquals(2, r.code());
        assertEquals(List.of("jhpc diff2d: error: unknown JIT mode 'pypy'; choose interp, c1 or c2"), r.errLines());
    }
}
