package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jhpc.core.Npy;
import org.jhpc.testing.Golden;
import org.jhpc.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Diff2dCommandTest {

    @TempDir
    Path dir;

    @Test
    void defaultRunPrintsWhatPythonPrints() throws Exception {
        Cli.Result r = Cli.run("diff2d");
        assertEquals(0, r.code(), r.err());
        assertEquals(Golden.text("diff2d/default.out"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void paramsFileSetOverridesSaveAndTiming() throws Exception {
        Path params = dir.resolve("diff2dparams.py");
        Files.writeString(params, "D = 0.7; x1 = 0.0; x2 = 7.0; runtime = 3.0; dx = 2.0;\noutttime = 0.25; graphics = False;\n"
                .replace("outttime", "outtime"));
        Path save = dir.resolve("final.npy");
        Cli.Result r = Cli.run("diff2d", "--params", params.toString(), "--set", "dx=1", "--save", save.toString(),
                "--timing", "--variant", "simd");
        assertEquals(0, r.code(), r.err());
        assertEquals(Golden.text("diff2d/n7.out"), r.out());
        Npy.Matrix got = Npy.read(save), want = Npy.read(Golden.file("diff2d/n7.npy"));
        assertEquals(9, got.rows());
        for (int k = 0; k < want.data().length; k++) assertEquals(want.data()[k], got.data()[k], 1e-12);
        List<String> err = r.errLines();
        assertTrue(err.get(err.size() - 1).matches("compute_seconds=[0-9.eE-]+"), r.err());
        assertTrue(r.err().contains("variant=simd"), r.err());
        assertTrue(r.err().matches("(?s).*\nfirst_call: 1 steps in [0-9.e+-]+ s; steady state .*"), r.err());
        assertTrue(r.err().contains("kernel=simd ") || r.err().contains("kernel=scalar"), r.err());
    }

    @Test
    void helpListsEveryOptionWithDefaults() {
        Cli.Result r = Cli.run("diff2d", "--help");
        assertEquals(0, r.code());
        for (String opt : new String[] {"--params", "--set", "--variant", "--threads", "--depth", "--no-simd", "--save",
                "--frames", "--gif", "--window", "--timing", "Default: 0"}) {
            assertTrue(r.out().contains(opt), "help mentions " + opt + ":\n" + r.out());
        }
        Cli.Result top = Cli.run("--help");
        assertTrue(top.out().contains("diff2d"), top.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--set dy=0.1|unknown parameter 'dy' (known: D, x1, x2, runtime, dx, outtime, graphics)",
        "--set dx=abc|--set dx: 'abc' is not a number or True/False",
        "--set dx=0|dx must be > 0, got 0.0",
        "--set x2=-20|x2 must be > x1, got x1=-10.0 x2=-20.0",
        "--set dx=30|dx=30.0 is larger than the domain width 20.0",
        "--set D=-1|D must be > 0, got -1.0",
        "--set runtime=-1|runtime must be >= 0, got -1.0",
        "--set outtime=-0.5|outtime must be >= 0, got -0.5",
        "--set x1=-1e400|x1 must be a finite number, got -Infinity",
        "--set runtime=1e300|step count runtime/dt = 3.9999999999999995E302 overflows a 64-bit integer",
        "--set dx=0.0001|grid of 200002x200002 points exceeds Java's 2^31-element array limit for variant simd; use a larger dx",
        "--params /nonexistent/p.py|cannot read parameter file /nonexistent/p.py: no such file",
        "--variant turbo|unknown variant 'turbo' (expected one of: lists, loops, flat, simd, threads, expr, mpi)",
        "--threads 0|--threads must be >= 1, got 0",
        "--save /nonexistent/out.npy|cannot write /nonexistent/out.npy: no such directory /nonexistent",
        "--set|Missing required parameter for option '--set' (NAME=VALUE) (see 'jhpc diff2d --help')",
        "--threads two|Invalid value for option '--threads': 'two' is not an int (see 'jhpc diff2d --help')"})
    void badInputGetsOneLineAndExitTwo(String args, String message) {
        String[] a = ("diff2d --variant simd " + args).split(" ");
        Cli.Result r = Cli.run(a);
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(List.of("jhpc diff2d: error: " + message), r.errLines());
    }

    @Test
    void gridLargerThanTheHeapIsRefused() {
        Cli.Result r = Cli.run("diff2d", "--variant", "loops", "--set", "dx=0.0005");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("jhpc diff2d: error: grid of 40002x40002 points needs about "), r.err());
        assertEquals(1, r.errLines().size());
    }

    @Test
    void unreadableParamsAndNoPartialOutput() throws Exception {
        Cli.Result r = Cli.run("diff2d", "--params", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("jhpc diff2d: error: cannot read parameter file " + dir + ": "), r.err());
        Path save = dir.resolve("never.npy");
        r = Cli.run("diff2d", "--set", "dx=-1", "--save", save.toString());
        assertEquals(2, r.code());
        assertFalse(Files.exists(save));
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "no temporary or partial file");
        }
    }
}
