package org.jhpc.profiler.workloads;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes its process id to the file given as argument, then computes until it is stopped: the target of the
 * signal tests.
 */
public final class Forever {
    private Forever() {}

    public static void main(String[] args) throws Exception {
        Files.writeString(Path.of(args[0]), Long.toString(ProcessHandle.current().pid()));
        long x = 1;
        while (x != 0) x = TimeSplit.spin(1_000_000, x) | 1;
    }
}
