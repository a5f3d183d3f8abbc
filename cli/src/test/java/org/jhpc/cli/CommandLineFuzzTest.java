package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jhpc.testing.Cli;

/**
 * Random diff2d command lines built from its real options and from good, bad and hostile values (on a 9 × 9 grid
 * so that each run is quick): every one ends with exit code 0, or 2 with exactly one line
 * {@code jhpc diff2d: error: ...}; never an internal error or a stack trace, and a refused run leaves no file.
 */
class CommandLineFuzzTest {
    static Path dir;

    @BeforeContainer
    static void makeDir() throws Exception {
        dir = Files.createTempDirectory("jhpc-fuzz");
        Files.writeString(dir.resolve("junk.npz"), "PK\u0003\u0004 not really a zip");
        Files.write(dir.resolve("bom.py"), "\uFEFFruntime = 5\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("bad.py"), "runtime = = 5\n");
        Cli.run("diff2d", "--set", "dx=2.8", "--set", "runtime=20", "--checkpoint", dir.resolve("ck.npz").toString(),
                "--checkpoint-every", "5");
    }

    @AfterContainer
    static void removeDir() throws Exception {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 80)
    void anyCommandLineIsRunOrRefusedInOneLine(@ForAll("commandLines") List<String> args) throws Exception {
        List<String> all = new ArrayList<>(List.of("diff2d", "--set", "dx=2.8", "--set", "runtime=20"));
        all.addAll(args);
        Cli.Result r = Cli.run(all.toArray(String[]::new));
        String why = String.join(" ", all) + "\n" + r.err();
        assertTrue(r.code() == 0 || r.code() == 2, "exit 0 or 2: " + why);
        assertFalse(r.err().contains("internal error") || r.err().contains("\tat "), why);
        if (r.code() == 2) {
            assertEquals(1, r.errLines().size(), why);
            assertTrue(r.err().startsWith("jhpc diff2d: error: "), why);
        }
        try (var s = Files.walk(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left: " + why);
        }
    }

    @Provide
    Arbitrary<List<String>> commandLines() {
        String d = dir.toString();
        Arbitrary<List<String>> option = Arbitraries.oneOf(
                pair("--set", "dx=2.8", "dx=5", "dx=0", "dx=-1", "dx=abc", "dx=1e400", "dx=30", "outtime=0", "outtime=-1",
                        "runtime=0", "runtime=-1", "runtime=1e300", "D=0", "D=nan", "x1=5", "graphics=2", "nope=1", "=", "dx"),
                pair("--variant", "simd", "loops", "flat", "lists", "threads", "expr", "turbo", ""),
                pair("--threads", "1", "3", "0", "-2", "100000", "two", "2147483648"),
                pair("--depth", "0", "1", "3", "-1", "x"),
                pair("--save", d + "/a.npy", d + "/b.gif", d + "/ck.npz", "/nonexistent/a.npy", d),
                pair("--gif", d + "/b.gif", d + "/a.npy", "/nonexistent/b.gif"),
                pair("--frames", d + "/fr" , d + "/junk.npz", "/proc/nope"),
                pair("--checkpoint", d + "/c.npz", d + "/ck.npz", d + "/a.npy", "/nonexistent/c.npz"),
                pair("--checkpoint-every", "1", "0", "-1", "nan", "1e308", "x"),
                pair("--checkpoint-every-seconds", "1", "0", "-5", "inf"),
                pair("--resume", d + "/ck.npz", d + "/junk.npz", d + "/missing.npz", d),
                pair("--params", d + "/bom.py", d + "/bad.py", d + "/missing.py", d),
                Arbitraries.of(List.of("--timing"), List.of("--no-simd"), List.of("--bogus"), List.of("stray"),
                        List.of("--set"), List.of("--threads"), List.of("--")));
        return option.list().ofMaxSize(4).map(l -> l.stream().flatMap(List::stream).toList());
    }

    private static Arbitrary<List<String>> pair(String name, String... values) {
        return Arbitraries.of(values).map(v -> List.of(name, v));
    }
}
