package org.jhpc.tutorial.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jhpc.auc.ExactLeftSum;
import org.jhpc.core.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pool.map's counterparts: each strategy gives the exact left sum, and all give the same bits for one split. */
class MappedAucTest {
    static void assertNearExact(long ntot, double area, String what) {
        double exact = ExactLeftSum.value(ntot);
        assertTrue(Math.abs(area - exact) <= 1e-13 * exact, what + ": " + area + " vs exact " + exact);
    }

    @ParameterizedTest
    @EnumSource(MapStrategy.class)
    void everyStrategyGivesTheExactSum(MapStrategy s) {
        for (long ntot : new long[] {1, 7, 121, 1023, 1_000_003}) {
            for (int chunks : new int[] {1, 3, 64}) {
                MappedAuc.Result r = MappedAuc.run(s, ntot, chunks, 3, 1);
                assertNearExact(ntot, r.area(), s + " ntot=" + ntot + " chunks=" + chunks);
                double fixed = MappedAuc.run(MapStrategy.FIXED, ntot, chunks, 2, 1).area();
                assertEquals(fixed, r.area(), "same chunks, same bits: " + s);
            }
        }
    }

    @Test
    void manySmallChunksStayExact() {
        assertNearExact(3_000_000, MappedAuc.run(MapStrategy.FIXED, 3_000_000, 65_536, 2, 1).area(), "65536 chunks");
    }

    @Test
    void moreChunksThanPoints() {
        assertNearExact(7, MappedAuc.run(MapStrategy.STEALING, 7, 100, 2, 2).area(), "100 chunks of 7 points");
    }

    @Test
    void theSlidesSquares() {
        assertEquals(List.of(1, 4, 9), MappedAuc.squares(List.of(1, 2, 3), 3));
    }

    @Test
    void badInput() {
        assertEquals("--chunks must be from 1 to 1048576, got 0",
                assertThrows(UserError.class, () -> MappedAuc.run(MapStrategy.FIXED, 10, 0, 1, 1)).getMessage());
        assertThrows(UserError.class, () -> MappedAuc.run(MapStrategy.FIXED, 10, 1, 0, 1));
        assertThrows(UserError.class, () -> MapStrategy.parse("pool"));
    }
}
