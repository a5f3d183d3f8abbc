package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jhpc.testing.Cli;
import org.junit.jupiter.api.Test;

/** The progress bar shows on a terminal (as the launcher reports it) and never in scripts. */
class ProgressTest {
    static final String[] RUN = {"diff2d", "--variant", "loops", "--set", "dx=0.5", "--set", "runtime=30"};

    @Test
    void barOnATerminal() throws Exception {
        Cli.Result r = Cli.runJvm(Map.of(), List.of("-Djhpc.stderr.tty=1", "-Djhpc.progress.after=0"), RUN);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("diff2d") && r.err().contains("steps") && r.err().contains("100%"), r.err());
        assertEquals(61, r.out().lines().count(), "stdout keeps only the printed times");
    }

    @Test
    void nothingWhenNotATerminal() throws Exception {
        Cli.Result r = Cli.runJvm(Map.of(), List.of("-Djhpc.stderr.tty=0", "-Djhpc.progress.after=0"), RUN);
        assertEquals(0, r.code(), r.err());
        assertTrue(!r.err().contains("%"), r.err());
    }
}
