package org.jhpc.tutorial.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jhpc.core.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The race demos: fixed counters count exactly, the racy one never over-counts, bad input is a UserError. */
class RaceTest {
    @ParameterizedTest
    @EnumSource(value = Fix.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everyFixCountsExactly(Fix fix) {
        for (int workers : new int[] {1, 7, 10}) {
            CounterRace.Result r = CounterRace.run(fix, workers, 20_011);
            assertEquals(workers * 20_011L, r.expected());
            assertEquals(r.expected(), r.count(), fix + " with " + workers + " workers");
            assertEquals(0, r.lost());
        }
    }

    @Test
    void theRacyCounterNeverOverCounts() {
        // a lost update can only lose: count <= expected on every run (how many are lost is up to the scheduler;
        // the worst interleaving of read-add-write still leaves at least 2)
        for (int rep = 0; rep < 3; rep++) {
            CounterRace.Result r = CounterRace.run(Fix.NONE, 10, 50_000);
            assertEquals(500_000, r.expected());
            assertTrue(r.count() <= r.expected() && r.count() >= 2, r.toString());
            assertEquals(r.expected() - r.count(), r.lost());
        }
        assertEquals(1_000, CounterRace.run(Fix.NONE, 1, 1_000).count(), "one worker cannot race");
    }

    @Test
    void zeroIncrementsCountZero() {
        assertEquals(0, CounterRace.run(Fix.ATOMIC, 3, 0).count());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 121, 1023})
    void disjointWritesToASharedArrayAllLand(int length) {
        for (int workers : new int[] {1, 3, 10}) {
            SharedArray.Result r = SharedArray.run(workers, length);
            assertEquals(0, r.wrong(), length + " cells, " + workers + " workers");
        }
        assertEquals(0, SharedArray.start(length, 10, 0));
        assertEquals(length, SharedArray.start(length, 10, 10));
    }

    @ParameterizedTest
    @EnumSource(FalseSharing.Layout.class)
    void falseSharingChangesOnlyTheTime(FalseSharing.Layout layout) {
        FalseSharing.Result r = FalseSharing.run(layout, 7, 30_001);
        assertEquals(7 * 30_001L, r.expected());
        assertEquals(r.expected(), r.total());
    }

    @Test
    void badInputIsOneUserError() {
        assertEquals("--workers must be from 1 to 1024, got 0",
                assertThrows(UserError.class, () -> CounterRace.run(Fix.LOCK, 0, 1)).getMessage());
        assertEquals("--increments must be >= 0, got -1",
                assertThrows(UserError.class, () -> CounterRace.run(Fix.LOCK, 2, -1)).getMessage());
        assertThrows(UserError.class, () -> CounterRace.run(Fix.LOCK, 1024, Long.MAX_VALUE / 2));
        assertEquals("unknown fix 'mutex'; choose one of none, lock, synchronized, atomic, adder",
                assertThrows(UserError.class, () -> Fix.parse("mutex")).getMessage());
        assertEquals(Fix.SYNCHRONIZED, Fix.parse("Synchronized"));
    }
}
