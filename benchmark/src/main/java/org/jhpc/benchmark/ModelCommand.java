package org.jhpc.benchmark;

import java.nio.file.Path;
import java.util.List;

/** {@code jhpc bench model}: placeholder until the scaling model lands. */
public final class ModelCommand {
    private ModelCommand() {}

    public static List<Path> run(BenchOptions o, Progress p, Path out) {
        return List.of();
    }
}
