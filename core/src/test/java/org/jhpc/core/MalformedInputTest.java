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
        "(x,)|bad dimension 'x' in the .npy header",
        "(3, 4, 5)|truncated .npy data (96 of 480 bytes)",
        "(99999, 99999)|array of 9999800001 elements too large for one Java array",
        "(3, 5)|truncated .npy data (96 of 120 bytes)",
        "(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,"
            + "40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65)|65 dimensions are too many"})
    void malformedNpyHeadersAreOneLine(String shape, String message) throws Exception {
        Path f = dir.resolve("bad.npy");
        Files.write(f, FuzzTest.headerFor(shape));
        UserError e = assertThrows(UserError.class, () -> Npy.read(f));
        assertEquals(f + ": " + message, e.getMessage());
    }

    /** numpy reads Python 2's long suffix in old headers (its _filter_header), and so does jhpc. */
    @Test
    void python2LongSuffixIsReadAsNumpyDoes() throws Exception {
        Path f = dir.resolve("py2.npy");
        Files.write(f, FuzzTest.headerFor("(5L,)"));
        Npy.Matrix m = Npy.read(f);
        assertEquals(1, m.rows());
        assertEquals(5, m.cols());
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
