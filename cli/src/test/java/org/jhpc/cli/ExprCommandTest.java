package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jhpc.core.AtomicFiles;
import org.jhpc.expr.NdArray;
import org.jhpc.expr.NpyIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jhpc expr} end to end through picocli: outputs, the 0-d reduction file, errors with exit code 2. */
class ExprCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path save(String name, NdArray a) {
        Path p = dir.resolve(name);
        AtomicFiles.write(p, s -> NpyIO.write(s, a));
        return p;
    }

    @Test
    void evaluatesAndPrints() {
        Path a = save("a.npy", NdArray.of(1.0, 2.0, 3.0));
        Path i = save("i.npy", NdArray.of(4L, 5L, 6L));
        Run r = run("expr", "a*i + 0.5", "--var", "a=" + a, "--var", "i=" + i);
        assertEquals(0, r.code(), r.err());
        assertEquals("4.5\n10.5\n18.5\n", r.out().replace("\r", ""));
        r = run("expr", "i / 4 > k", "--var", "i=" + i, "--scalar", "k=1.2");
        assertEquals("False\nTrue\nTrue\n", r.out().replace("\r", ""));
    }

    @Test
    void fullReductionWritesA0dArray() {
        Path a = save("a.npy", NdArray.of(new double[] {1, 2, 3, 4, 5, 6}).reshape(2, 3));
        Path out = dir.resolve("r.npy");
        Run r = run("expr", "sum(a*a)", "--var", "a=" + a, "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        NdArray res = NpyIO.read(out);
        assertEquals(0, res.ndim());
        assertEquals(91.0, res.getDouble(0));
        r = run("expr", "sum(a, axis=1)", "--var", "a=" + a, "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(15.0, NpyIO.read(out).getDouble(1));
    }

    @Test
    void badInputIsOneLineExit2AndNoFile() {
        Path a = save("a.npy", NdArray.of(1.0, 2.0));
        Path b = save("b.npy", NdArray.of(1.0, 2.0, 3.0));
        Path out = dir.resolve("never.npy");
        Run r = run("expr", "a + b", "--var", "a=" + a, "--var", "b=" + b, "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("jhpc expr: error: shape mismatch: 'b' has shape (3,) but 'a' has shape (2,)", r.err().strip());
        assertFalse(Files.exists(out));
        r = run("expr", "a +* 2", "--var", "a=" + a);
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("jhpc expr: error: unexpected '*' at column 4"), r.err());
        r = run("expr", "a", "--var", "a");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--var expects NAME=VALUE"), r.err());
    }

    @Test
    void benchEndsWithMedianSeconds() {
        Run r = run("expr", "--bench", "2*sin(a)*cos(b) + sqrt(a*b)", "--size", "1001", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\\R");
        String last = lines[lines.length - 1];
        assertTrue(last.matches("median_seconds=[0-9.eE-]+"), last);
        assertTrue(Double.parseDouble(last.substring("median_seconds=".length())) > 0);
        assertTrue(r.out().contains("interpreter") && r.out().contains("fused"), r.out());
    }

    @Test
    void expressionMayStartWithMinus() {
        Path a = save("a.npy", NdArray.of(1.0, 2.0, 3.0));
        Run r = run("expr", "-a", "--var", "a=" + a);
        assertEquals(0, r.code(), r.err());
        assertEquals("-1.0\n-2.0\n-3.0\n", r.out().replace("\r", ""));
        r = run("expr", "--var", "a=" + a, "-a**2 / k", "--var", "k=2");
        assertEquals(0, r.code(), r.err());
        assertEquals("-0.5\n-2.0\n-4.5\n", r.out().replace("\r", ""));
        r = run("expr", "-a", "--var", "a=" + a, "--bogus");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("jhpc expr: error: "), r.err());
    }

    @Test
    void varTakesNumbersNpyAndNpzMembers() throws Exception {
        Path z = dir.resolve("d.npz");
        org.jhpc.core.Npy.writeNpz(z, java.util.Map.of("x", s -> NpyIO.write(s, NdArray.of(1L, 2L)),
                "y", s -> NpyIO.write(s, NdArray.of(0.5, 0.25))));
        Run r = run("expr", "x * y + k + w", "--var", "x=" + z, "--var", "y=" + z + ":y", "--var", "k=1", "--var", "w=True");
        assertEquals(0, r.code(), r.err());
        assertEquals("2.5\n2.5\n", r.out().replace("\r", ""));
        r = run("expr", "real(c * 2)", "--var", "c=1.5j");
        assertEquals("0.0\n", r.out().replace("\r", ""));
        r = run("expr", "x", "--var", "x=" + z + ":nope");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no member 'nope' (members: "), r.err());
        r = run("expr", "x", "--var", "x=nothing-here");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("neither a number nor an existing .npy/.npz file"), r.err());
    }

    @Test
    void outputAsNpyNpzOrText() throws Exception {
        Path a = save("a.npy", NdArray.of(new double[] {1, 2, 3, 4}).reshape(2, 2));
        Path npz = dir.resolve("r.npz");
        Path txt = dir.resolve("r.txt");
        assertEquals(0, run("expr", "a * 2", "--var", "a=" + a, "--out", npz.toString()).code());
        NdArray back = NpyIO.readNpz(npz, "result");
        assertEquals(8.0, back.getDouble(3));
        assertEquals(2, back.ndim());
        assertEquals(0, run("expr", "a * 2", "--var", "a=" + a, "--out", txt.toString()).code());
        assertEquals("2.0 4.0\n6.0 8.0\n", Files.readString(txt).replace("\r", ""));
    }

    @Test
    void explainShowsTheProgramAndTier() {
        Path a = save("a.npy", NdArray.of(1.0, 2.0, 3.0));
        Run r = run("expr", "--explain", "where(a > 1, sqrt(a), 0)", "--var", "a=" + a);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("operand    a: float64 (3,)"), r.out());
        assertTrue(r.out().contains("result     float64 (3,)"), r.out());
        assertTrue(r.out().contains("where"), r.out());
        assertTrue(r.out().contains("tier       "), r.out());
        try {
            r = run("expr", "--explain", "--no-simd", "a + 1", "--var", "a=" + a);
            assertTrue(r.out().contains("tier       interpreter") && r.out().contains("simd switched off"), r.out());
        } finally {
            org.jhpc.core.Simd.force(null);
        }
    }
}
