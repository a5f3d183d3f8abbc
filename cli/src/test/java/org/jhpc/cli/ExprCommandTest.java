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
}
