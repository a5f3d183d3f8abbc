package org.jhpc.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The scaling model's formulas on cases worked by hand. */
class ScalingModelTest {
    final ScalingModel m = new ScalingModel(1e9, 1e-6, 1e10);   // 1e9 updates/s, 1 µs, 10 GB/s

    @Test
    void rankGridIsAsSquareAsTheDivisorsAllow() {
        assertEquals(1, ScalingModel.px(1));
        assertEquals(1, ScalingModel.px(2));
        assertEquals(2, ScalingModel.px(4));
        assertEquals(2, ScalingModel.px(6));
        assertEquals(1, ScalingModel.px(7));
        assertEquals(100, ScalingModel.px(10000));
    }

    @Test
    void oneRankHasNoHaloAndComputesAtTheKernelRate() {
        assertEquals(0, m.halo(1000, 1));
        assertEquals(1e-3, m.step(1000, 1), 1e-15);
    }

    @Test
    void haloCountsTwoSendrecvsPerCutDimension() {
        // 2 ranks: 1 x 2, rows cut only: 2 (α + 8·1000/β)
        assertEquals(2 * (1e-6 + 8000 / 1e10), m.halo(1000, 2), 1e-18);
        // 4 ranks: 2 x 2, blocks 500 wide: rows and columns, 4 (α + 8·500/β)
        assertEquals(4 * (1e-6 + 4000 / 1e10), m.halo(1000, 4), 1e-18);
    }

    @Test
    void strongScalingIsBelowIdealAndStopsPaying() {
        int[] ps = {1, 2, 4, 16, 64, 256, 1024, 4096};
        for (int p : ps) assertTrue(m.strongSpeedup(1000, p) <= p + 1e-9, "p=" + p);
        // 1000² at 1e9/s: 1 ms per step on one rank; the halo never falls below 4α = 4 µs, so the speed-up saturates
        // below 1 ms / 4 µs = 250 however many ranks there are
        assertTrue(m.strongSpeedup(1000, 4096) < 250);
        assertTrue(m.strongSpeedup(1000, 4096) / 4096 < 0.1);
        int limit = m.strongLimit(1000, ps, 0.5);
        assertTrue(limit > 1 && limit <= 256, "limit " + limit);
    }

    @Test
    void weakScalingKeepsTheBlockAndSettles() {
        assertEquals(1.0, m.weakEfficiency(4096, 1), 1e-12);
        double e4 = m.weakEfficiency(4096, 4), e10000 = m.weakEfficiency(4096, 10000);
        double compute = 4096.0 * 4096 / 1e9, halo = 4 * (1e-6 + 8 * 4096 / 1e10);
        assertEquals(compute / (compute + halo), e10000, 1e-6);
        assertEquals(e4, e10000, 1e-6);   // both have every dimension cut once
    }
}
