package org.jhpc.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jhpc.core.Simd;
import org.jhpc.core.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * All variants, thread counts and blocking depths agree bit for bit with the flat variant at awkward sizes (the
 * kernels keep the same operation order, so no tolerance is needed).
 */
class AgreementTest {
    static Stream<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        for (int n : new int[] {1, 2, 7, 121, 1023}) {
            for (int threads : new int[] {1, 2, 3, 7}) {
                for (int depth : new int[] {1, 2, 5, 16}) {
                    list.add(Arguments.of(n, Variant.THREADS, threads, depth, true));
                }
            }
            for (int depth : new int[] {0, 1, 2, 3, 16}) list.add(Arguments.of(n, Variant.SIMD, 1, depth, true));
            list.add(Arguments.of(n, Variant.SIMD, 1, 3, false));
            list.add(Arguments.of(n, Variant.THREADS, 4, 6, false));
            list.add(Arguments.of(n, Variant.LOOPS, 1, 0, true));
            if (n <= 121) list.add(Arguments.of(n, Variant.LISTS, 1, 0, true));
        }
        return list.stream();
    }

    @AfterEach
    void restoreSimd() {
        Simd.force(null);
    }

    @ParameterizedTest(name = "N={0} {1} threads={2} depth={3} simd={4}")
    @MethodSource("cases")
    void sameBitsAsFlat(int n, Variant v, int threads, int depth, boolean simd) {
        // 37 steps, outputs every 5: odd numbers so that blocks and output intervals never line up
        Diff2dParams params = Diff2dTesting.params("x1=0", "x2=" + n, "dx=1", "D=1", "runtime=9.25", "outtime=1.25");
        Diff2dProblem p = new Diff2dProblem(params);
        assertEquals(37, p.nsteps);
        Diff2dTesting.Outcome ref = Diff2dTesting.run(p, Variant.FLAT, 1, 0);
        Simd.force(simd ? null : false);
        Diff2dTesting.Outcome o = Diff2dTesting.run(p, v, threads, depth);
        assertEquals(ref.printed(), o.printed());
        assertArrayEquals(ref.field(), o.field());
    }
}
