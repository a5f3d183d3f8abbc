package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The heap timeline on a hand-made sequence: the peak is split by the collection that ran after it. */
class MemoryReportTest {
    static final long MIB = 1 << 20;
    static final List<HeapPoint> HEAP = List.of(
            new HeapPoint(0.1, HeapPoint.Kind.PERIODIC, 10 * MIB),
            new HeapPoint(0.5, HeapPoint.Kind.BEFORE_GC, 100 * MIB),
            new HeapPoint(0.5, HeapPoint.Kind.AFTER_GC, 30 * MIB),
            new HeapPoint(0.9, HeapPoint.Kind.PERIODIC, 60 * MIB));

    @Test
    void thePeakSplitsIntoLiveDataAndGarbage() {
        assertEquals(HEAP.get(2), MemoryReport.liveAfter(HEAP, HEAP.get(1)));
        assertNull(MemoryReport.liveAfter(HEAP, HEAP.get(3)), "no collection after the last point");
        StringWriter w = new StringWriter();
        MemoryReport.heap(HEAP, 1.0, new PrintWriter(w));
        assertTrue(w.toString().startsWith("Heap used: peak 100.0 MiB at 0.50 s (30.0 MiB of it live, 70.0 MiB "
                + "garbage: the heap after the next collection, at 0.50 s); 1 garbage collections"), w.toString());
    }
}
