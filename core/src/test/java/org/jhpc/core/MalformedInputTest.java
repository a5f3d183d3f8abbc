package org.jhpc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile inputs found by hand: each one a clear one-line UserError, or accepted where Python accepts it. */
class MalformedInputTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(5L,)|malformed .npy header: shape (5L,) is not one or two non-negative integers",
        "(x,)|malformed .npy header: shape (x,) is not one or two non-negative integers",
        "(3, 4, 5)|malformed .npy header: shape (3, 4, 5) is not one or two non-negative integers",
        "(99999, 99999)|array of 99999x99999 is too large",
        "(3, 5)|truncated .npy data"})
    void malformedNpyHeadersAreOneLine(String shape, String message) throws Exception {
        Path f = dir.resolve("bad.npy");
        Files.write(f, FuzzTest.headerFor(shape));
        UserError e = assertThrows(UserError.class, () -> Npy.read(f));
        assertEquals(f + ": " + message, e.getMessage());
    }

    @Test
    void byteOrderMarkIsSkippedAsPythonDoes() throws Exception {
        Path f = dir.resolve("p.py");
        Files.write(f, ("\uFEFFD = 2.0\ndx = 0.5\n").getBytes(StandardCharsets.UTF_8));
        var m = ParamFile.read(f);
        assertEquals(2.0, m.get("D").number());
        assertEquals(0.5, m.get("dx").number());
    }

    @Test
    void notUtf8IsOneLine() throws Exception {
        Path f = dir.resolve("latin1.py");
        Files.write(f, new byte[] {'D', '=', '1', ' ', '#', (byte) 0xe9, '\n'});
        UserError e = assertThrows(UserError.class, () -> ParamFile.read(f));
        assertEquals("cannot read parameter file " + f + ": not UTF-8 text", e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
