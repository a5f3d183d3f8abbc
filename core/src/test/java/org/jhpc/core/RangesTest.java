package org.jhpc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The range splitter: pieces cover [0, n) in order, without gaps, and differ in size by at most one. */
class RangesTest {
    @Test
    void piecesCoverWithoutGapsAndDifferByAtMostOne() {
        long[] ns = {0, 1, 7, 121, 1023, 1_000_003, Long.MAX_VALUE};
        for (long n : ns) {
            for (int parts : new int[] {1, 2, 3, 5, 8, 13, 1024}) {
                assertEquals(0, Ranges.start(n, parts, 0));
                assertEquals(n, Ranges.start(n, parts, parts));
                long q = n / parts;
                long previous = 0;
                for (int k = 0; k < parts; k++) {
                    long size = Ranges.start(n, parts, k + 1) - Ranges.start(n, parts, k);
                    assertTrue(size == q || size == q + 1, "n=" + n + " parts=" + parts + " k=" + k);
                    assertTrue(size <= previous || k == 0 || size == previous, "larger pieces come first");
                    previous = size;
                }
            }
        }
    }

    @Test
    void intRangesAgreeWithLongOnes() {
        for (int n : new int[] {0, 1, 7, 121, 1023}) {
            for (int parts = 1; parts <= 9; parts++) {
                int sum = 0;
                for (int k = 0; k < parts; k++) {
                    assertEquals(Ranges.start((long) n, parts, k), Ranges.start(n, parts, k));
                    sum += Ranges.length(n, parts, k);
                }
                assertEquals(n, sum);
            }
        }
        assertEquals(3, Ranges.length(7, 3, 0));
        assertEquals(2, Ranges.length(7, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> Ranges.start(5L, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Ranges.start(5L, 2, 3));
    }
}
