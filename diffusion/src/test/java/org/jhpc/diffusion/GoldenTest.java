package org.jhpc.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jhpc.core.Npy;
import org.jhpc.testing.Golden;
import org.jhpc.core.Simd;
import org.jhpc.core.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every variant against golden output of jhpc's independent Python peer (peers/python/diff2d.py, see
 * src/test/resources/golden/diff2d/README.md): printed times byte for byte, final field within 1e-12.
 */
class GoldenTest {

    static final String[][] CASES = {
        {"n1", "x1=-10", "x2=10", "dx=20", "runtime=1000", "outtime=150"},
        {"n7", "x1=0", "x2=7", "dx=1", "runtime=3.0", "outtime=0.25", "D=0.7"},
        {"n121", "x1=-60.5", "x2=60.5", "dx=1", "runtime=40", "outtime=2.5"},
        {"small", "x1=0", "x2=0.2", "dx=0.01", "runtime=0.001", "outtime=0.00005", "D=1"},
        {"default"},
    };

    static Stream<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        for (String[] c : CASES) {
            String[] sets = java.util.Arrays.copyOfRange(c, 1, c.length);
            for (Variant v : Solvers.LOCAL) {
                if (v == Variant.LISTS && c[0].equals("default")) continue;   // minutes of boxing: covered at small sizes
                list.add(Arguments.of(c[0], sets, v, 3, 0, true));
            }
            list.add(Arguments.of(c[0], sets, Variant.THREADS, 2, 3, true));
            list.add(Arguments.of(c[0], sets, Variant.THREADS, 5, 1, true));
            list.add(Arguments.of(c[0], sets, Variant.SIMD, 1, 7, false));
            list.add(Arguments.of(c[0], sets, Variant.THREADS, 3, 4, false));
        }
        return list.stream();
    }

    @AfterEach
    void restoreSimd() {
        Simd.force(null);
    }

    @ParameterizedTest(name = "{0} {2} threads={3} depth={4} simd={5}")
    @MethodSource("cases")
    void matchesPythonPeer(String name, String[] sets, Variant v, int threads, int depth, boolean simd) throws Exception {
        Simd.force(simd ? null : false);
        Diff2dProblem p = new Diff2dProblem(Diff2dTesting.params(sets));
        Diff2dTesting.Outcome o = Diff2dTesting.run(p, v, threads, depth);
        assertEquals(Golden.text("diff2d/" + name + ".out"), o.printed(), "printed times");
        Npy.Matrix g = Npy.read(Golden.file("diff2d/" + name + ".npy"));
        assertEquals(g.rows(), o.n());
        double diff = Diff2dTesting.maxAbsDiff(g.data(), o.field());
        assertTrue(diff <= 1e-12, "max abs difference to the Python peer: " + diff);
    }
}
