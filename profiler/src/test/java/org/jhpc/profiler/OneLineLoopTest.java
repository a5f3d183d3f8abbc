package org.jhpc.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.jhpc.profiler.workloads.OneLineLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --exact on a loop written on one line: counted per iteration (1 + n per call: the entry and each jump back), not per call. */
class OneLineLoopTest {
    @TempDir
    Path dir;

    @Test
    void aOneLineLoopCountsItsIterations() {
        int rounds = 5;
        int n = 1001;
        Profiler.Run run = Workloads.run(ProfileOptions.defaults().withExact(true),
                Workloads.target("OneLineLoop", Integer.toString(rounds), Integer.toString(n)), dir.resolve("out"));
        String m = "org.jhpc.profiler.workloads.OneLineLoop.sum";
        assertEquals(rounds, run.data().exact().calls(m));
        assertEquals((long) rounds * (n + 1), run.data().exact().hits(m).get(OneLineLoop.LOOP_LINE));
        assertEquals((long) rounds, run.data().exact().hits(m).get(OneLineLoop.LOOP_LINE + 1), "the return line");
    }
}
