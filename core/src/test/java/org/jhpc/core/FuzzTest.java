package org.jhpc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Property tests over random and mutated inputs of the parameter-file parser and the .npy reader: any input either
 * parses or is refused with a {@link UserError} whose message is one line; nothing else is ever thrown (no
 * NumberFormatException, no IndexOutOfBounds, no OutOfMemoryError from a header that claims a huge array).
 */
class FuzzTest {
    static final String VALID = "D = 1.0\nx1 = -10.0; x2 = 10.0\nruntime = 15.0  # comment\ndx = 0.1\n"
            + "outtime = 0.5\ngraphics = False\n";

    static void oneLineOrParses(Runnable r) {
        try {
            r.run();
        } catch (UserError e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a message");
            assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), "one line: " + e.getMessage());
        }
    }

    @Property(tries = 300)
    void randomTextIsParsedOrRefusedInOneLine(@ForAll("text") String text) {
        oneLineOrParses(() -> ParamFile.parse(text, "p.py"));
    }

    @Property(tries = 300)
    void mutatedParameterFilesAreParsedOrRefusedInOneLine(@ForAll("mutations") String text) {
        oneLineOrParses(() -> ParamFile.parse(text, "p.py"));
    }

    @Property(tries = 200)
    void floatsRoundTripThroughRepr(@ForAll double v, @ForAll boolean bom) {
        if (!Double.isFinite(v)) return;   // inf/nan are not Python literals
        String text = (bom ? "\uFEFF" : "") + "dx = " + PyFloat.repr(v) + "\n";
        Map<String, ParamFile.Value> m = ParamFile.parse(text, "p.py");
        assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(m.get("dx").number()));
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars("=#;.+-_eE0123456789xobXOBTrueFalsD \t\n\r\uFEFF\u00e9\u0000'\"()")
                .ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, VALID.length() - 1),
                        Arbitraries.integers().between(0, 3), Arbitraries.chars().all(), Arbitraries.integers().between(1, 5))
                .as((at, kind, c, n) -> switch (kind) {
                    case 0 -> VALID.substring(0, at) + c + VALID.substring(at);                       // insert
                    case 1 -> VALID.substring(0, at) + VALID.substring(Math.min(VALID.length(), at + n)); // delete
                    case 2 -> VALID.substring(0, at) + c + VALID.substring(at + 1);                   // replace
                    default -> VALID.substring(0, at);                                                // truncate
                });
    }

    // --- the .npy reader ------------------------------------------------------------------------------------------

    static final byte[] NPY;

    static {
        try {
            Path f = Files.createTempFile("fuzz", ".npy");
            Npy.write(f, 3, 4, (i, dst) -> java.util.Arrays.fill(dst, i + 0.5));
            NPY = Files.readAllBytes(f);
            Files.delete(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 120)
    void mutatedNpyFilesAreReadOrRefusedInOneLine(@ForAll @IntRange(min = 0, max = 139) int at,
                                                  @ForAll byte b, @ForAll @IntRange(min = 0, max = 2) int kind)
            throws IOException {
        byte[] bytes = switch (kind) {
            case 0 -> { byte[] c = NPY.clone(); c[Math.min(at, c.length - 1)] = b; yield c; }
            case 1 -> java.util.Arrays.copyOf(NPY, Math.min(at, NPY.length));
            default -> headerWith(at % SHAPES.length);
        };
        Path f = Files.createTempFile("fuzz", ".npy");
        try {
            Files.write(f, bytes);
            oneLineOrParses(() -> Npy.read(f));
        } finally {
            Files.delete(f);
        }
    }

    static final String[] SHAPES = {"(5L,)", "(x,)", "()", "(-1, 3)", "(99999999999, 99999999999)", "(3, 4, 5)",
            "(3,4", "(1e3,)", "(4294967296, 1)", "(2147483647, 2147483647)", "(,)", "(3, -4)"};

    static byte[] headerWith(int k) {
        return headerFor(SHAPES[k]);
    }

    /** A version 1.0 .npy file with {@code shape} in its header, followed by 96 bytes (12 doubles). */
    static byte[] headerFor(String shape) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        String padded = dict + " ".repeat(Math.max(0, 117 - dict.length())) + "\n";
        byte[] h = padded.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] out = new byte[10 + h.length + 96];
        out[0] = (byte) 0x93;
        System.arraycopy("NUMPY".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, out, 1, 5);
        out[6] = 1;
        out[8] = (byte) h.length;
        out[9] = (byte) (h.length >> 8);
        System.arraycopy(h, 0, out, 10, h.length);
        return out;
    }
}
