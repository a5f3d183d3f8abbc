package org.jhpc.profiler.agent;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * The JVM's count of bytes allocated by all threads so far, live and ended
 * ({@code com.sun.management.ThreadMXBean.getTotalThreadAllocatedBytes}), emitted at every chunk's start and end
 * (so in the final dump too) and every second: the exact total that the sampled per-line shares are scaled to.
 */
@Name(AllocationTotalEvent.NAME)
@Label("jhpc Allocation Total")
@Category("jhpc")
@StackTrace(false)
@Period("1 s")
final class AllocationTotalEvent extends jdk.jfr.Event {
    static final String NAME = "jhpc.AllocationTotal";

    @Label("Allocated")
    @DataAmount
    long bytes;
}
