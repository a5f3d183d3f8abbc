package org.jhpc.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir
    Path dir;

    static double value(int i, int j) {
        return i * 1000.5 - j / 3.0;
    }

    private Path writeSample(int rows, int cols) {
        Path f = dir.resolve("a.npy");
        Npy.write(f, rows, cols, (i, dst) -> {
            for (int j = 0; j < cols; j++) dst[j] = value(i, j);
        });
        return f;
    }

    @Test
    void roundTripAndAlignedHeader() throws Exception {
        Path f = writeSample(7, 5);
        byte[] bytes = Files.readAllBytes(f);
        int headerEnd = 10 + (bytes[8] & 0xff) + ((bytes[9] & 0xff) << 8);
        assertEquals(0, headerEnd % 64);
        assertEquals('\n', bytes[headerEnd - 1]);
        assertEquals(headerEnd + 7 * 5 * 8, bytes.length);
        Npy.Matrix m = Npy.read(f);
        assertEquals(7, m.rows());
        assertEquals(5, m.cols());
        for (int i = 0; i < 7; i++) for (int j = 0; j < 5; j++) assertEquals(value(i, j), m.get(i, j));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file is left behind");
        }
    }

    @Test
    void numpyReadsIt() throws Exception {
        Path f = writeSample(3, 4);
        org.jhpc.testing.ChildProcess.Result r;
        try {
            r = org.jhpc.testing.ChildProcess.of("python3", "-c", "import numpy,sys; a=numpy.load(sys.argv[1]); "
                    + "print(a.dtype, a.shape, repr(float(a[2,3])), repr(float(a.sum())))", f.toString())
                    .mergeStderr().timeout(60).run();
        } catch (java.io.UncheckedIOException e) {
            Assumptions.abort("python3 not available");
            return;
        }
        String out = r.out().strip();
        Assumptions.assumeFalse(out.contains("No module named"), "numpy not available");
        double sum = 0;
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) sum += value(i, j);
        assertEquals("float64 (3, 4) " + PyFloat.repr(value(2, 3)) + " " + PyFloat.repr(sum), out);
    }

    @Test
    void failedWriterLeavesNothing() throws Exception {
        Path f = dir.resolve("b.npy");
        assertThrows(IllegalStateException.class, () -> Npy.write(f, 4, 4, (i, dst) -> {
            if (i == 2) throw new IllegalStateException("boom");
        }));
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void rejectsNonNpy() throws Exception {
        Path f = dir.resolve("c.npy");
        Files.writeString(f, "hello world");
        UserError e = assertThrows(UserError.class, () -> Npy.read(f));
        assertEquals(f + ": not a .npy file", e.getMessage());
        assertArrayEquals(new byte[0], new byte[0]);
    }
}
