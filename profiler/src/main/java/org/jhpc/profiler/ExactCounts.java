package org.jhpc.profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jhpc.core.UserError;

/**
 * The exact counts of {@code --exact}, as the agent ({@link org.jhpc.profiler.agent.ExactAgent}) wrote them at
 * the child's exit: calls per method, executions per line, and bytes allocated per line (arrays and objects). The file has one
 * tab-separated record per line: {@code C method calls}, {@code L method line hits}, {@code A method line bytes}.
 */
public final class ExactCounts {
    public static final ExactCounts NONE = new ExactCounts();

    private final Map<String, Long> calls = new HashMap<>();
    private final Map<String, TreeMap<Integer, Long>> hits = new HashMap<>();
    private final Map<Frame, Long> allocLines = new HashMap<>();
    private final Map<String, Long> allocMethods = new HashMap<>();

    private ExactCounts() {}

    public boolean isEmpty() {
        return calls.isEmpty();
    }

    public static ExactCounts read(Path file) {
        ExactCounts c = new ExactCounts();
        if (!Files.isRegularFile(file)) return c;
        try {
            for (String line : Files.readAllLines(file)) {
                String[] w = line.split("\t");
                switch (w[0]) {
                    case "C" -> c.calls.merge(w[1], Long.parseLong(w[2]), Long::sum);
                    case "L" -> c.hits.computeIfAbsent(w[1], k -> new TreeMap<>())
                            .merge(Integer.parseInt(w[2]), Long.parseLong(w[3]), Long::sum);
                    case "A" -> {
                        long b = Long.parseLong(w[3]);
                        c.allocLines.merge(new Frame(w[1], Integer.parseInt(w[2])), b, Long::sum);
                        c.allocMethods.merge(w[1], b, Long::sum);
                    }
                    default -> { }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UserError("cannot read the exact counts " + file + ": " + e.getMessage(), e);
        }
        return c;
    }

    /** The instrumented methods. */
    public Set<String> methods() {
        return calls.keySet();
    }

    /** Exact calls of {@code method}, or -1 when it was not instrumented. */
    public long calls(String method) {
        return calls.getOrDefault(method, -1L);
    }

    /** Executions of each line of {@code method} (empty when it was not instrumented). */
    public Map<Integer, Long> hits(String method) {
        return hits.getOrDefault(method, new TreeMap<>());
    }

    /** Exact bytes allocated on the line (arrays, objects), or -1 when the method was not instrumented. */
    public long allocatedBytes(String method, int line) {
        if (!calls.containsKey(method)) return -1;
        return allocLines.getOrDefault(new Frame(method, line), 0L);
    }

    /** Exact bytes allocated in the method, or -1 when it was not instrumented. */
    public long allocatedBytes(String method) {
        if (!calls.containsKey(method)) return -1;
        return allocMethods.getOrDefault(method, 0L);
    }

    public Set<String> allocatingMethods() {
        return allocMethods.keySet();
    }

    public Set<Frame> allocatingLines() {
        return allocLines.keySet();
    }
}
