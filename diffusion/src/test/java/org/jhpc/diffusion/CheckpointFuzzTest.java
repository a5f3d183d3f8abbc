package org.jhpc.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.jhpc.core.UserError;
import org.jhpc.core.Variant;

/**
 * The checkpoint reader over mutated checkpoints (one byte changed, or the file cut short, anywhere): it returns
 * the original state bit for bit (the byte was in a part nothing depends on, such as a zip timestamp) or refuses
 * with a one-line {@link UserError}; nothing else escapes.
 */
class CheckpointFuzzTest {
    static final byte[] GOOD;
    static final Checkpoint ORIGINAL;

    static {
        try {
            Path dir = Files.createTempDirectory("ckfuzz");
            Path f = dir.resolve("ck.npz");
            Diff2dProblem p = CheckpointTest.small();
            try (Solver s = Solvers.create(p, new Diff2dOptions(Variant.SIMD, 1, 0))) {
                s.advance(7);
                Checkpoint.write(f, p, "simd", 1, 1, 7, Diff2dRun.simtimeAt(p, 7), s.density());
            }
            GOOD = Files.readAllBytes(f);
            ORIGINAL = Checkpoint.read(f);
            Files.delete(f);
            Files.delete(dir);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Property(tries = 200)
    void mutatedCheckpointsAreReadExactlyOrRefusedInOneLine(@ForAll @IntRange(min = 0, max = 1 << 20) int where,
                                                            @ForAll byte value, @ForAll boolean cut) throws Exception {
        int at = where % GOOD.length;
        byte[] b = cut ? java.util.Arrays.copyOf(GOOD, at) : GOOD.clone();
        if (!cut) b[at] = value;
        Path f = Files.createTempFile("ckfuzz", ".npz");
        try {
            Files.write(f, b);
            Checkpoint c;
            try {
                c = Checkpoint.read(f);
            } catch (UserError e) {
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                return;
            }
            assertArrayEquals(ORIGINAL.density(), c.density(), "accepted only when unchanged");
            assert c.step() == ORIGINAL.step() && Double.compare(c.simtime(), ORIGINAL.simtime()) == 0;
        } finally {
            Files.delete(f);
        }
    }
}
