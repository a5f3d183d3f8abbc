package org.jhpc.benchmark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One program run as the harness starts it: the command line, extra environment variables, and the files the
 * program is asked to write its answer to (a diff2d field as .npy; null when the answer is on stdout).
 */
public record Invocation(List<String> argv, Map<String, String> env, Path field) {
    public Invocation {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    public static Invocation of(List<String> argv) {
        return new Invocation(argv, Map.of(), null);
    }

    /** The command as a shell line, for tables and provenance (environment first). */
    public String display() {
        StringBuilder b = new StringBuilder();
        env.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> b.append(e.getKey()).append('=').append(e.getValue()).append(' '));
        return b.append(String.join(" ", argv)).toString();
    }
}
