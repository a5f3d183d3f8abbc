package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jhpc.profiler.workloads.TimeSplit;
import org.junit.jupiter.api.Test;

class ClassIndexTest {
    final ClassIndex index = new ClassIndex(Workloads.target("TimeSplit").classpath());

    @Test
    void findsTheAnnotatedMethods() {
        assertTrue(index.annotatedMethods().contains("org.jhpc.profiler.workloads.TimeSplit.twoLines"),
                index.annotatedMethods().toString());
        assertFalse(index.annotatedMethods().contains("org.jhpc.profiler.workloads.TimeSplit.heavy"));
    }

    @Test
    void lineRangesComeFromTheLineNumberTable() {
        ClassIndex.MethodInfo two = index.method("org.jhpc.profiler.workloads.TimeSplit.twoLines");
        assertTrue(two.annotated());
        assertEquals(TimeSplit.LOOP_A_FIRST - 2, two.first());
        assertEquals(TimeSplit.LOOP_B_LAST + 1, two.last());
        assertNull(index.method("org.jhpc.profiler.workloads.NoSuchClass.x"));
    }

    @Test
    void sourceFilesOfNestedClassesAreTheOuterFile() {
        assertEquals("p/q/Outer.java", new Frame("p.q.Outer$Inner$1.run", 3).sourceFile());
        assertEquals("Top.java", new Frame("Top.main", 3).sourceFile());
    }
}
