package org.jhpc.profiler.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The counters that instrumented methods call: one {@link AtomicLongArray} per instrumented method holding its
 * calls (slot 0), the executions of each of its {@code n} distinct source lines (slots 1..n) and the array bytes
 * allocated on each line (slots n+1..2n). Methods are registered while their class is transformed, before any of
 * their code runs; the table is copied on registration, so readers need no lock.
 */
public final class Counters {
    private static volatile AtomicLongArray[] table = new AtomicLongArray[0];
    private static final List<String> NAMES = new ArrayList<>();
    private static final List<int[]> LINES = new ArrayList<>();
    private static volatile Instrumentation instrumentation;

    private Counters() {}

    static void init(Instrumentation inst) {
        instrumentation = inst;
    }

    /** Registers a method with its distinct line numbers (sorted); returns its id. */
    static synchronized int register(String method, int[] lines) {
        int id = NAMES.size();
        NAMES.add(method);
        LINES.add(lines.clone());
        AtomicLongArray[] t = java.util.Arrays.copyOf(table, id + 1);
        t[id] = new AtomicLongArray(1 + 2 * lines.length);
        table = t;
        return id;
    }

    /** Called at the start of instrumented method {@code id}. */
    public static void call(int id) {
        table[id].incrementAndGet(0);
    }

    /** Called each time line slot {@code slot} of method {@code id} starts executing. */
    public static void line(int id, int slot) {
        table[id].incrementAndGet(1 + slot);
    }

    /** Called with each array just allocated on line slot {@code slot} of method {@code id}. */
    public static void array(Object array, int id, int slot) {
        Instrumentation inst = instrumentation;
        if (inst == null || array == null) return;
        AtomicLongArray a = table[id];
        a.addAndGet(1 + (a.length() - 1) / 2 + slot, inst.getObjectSize(array));
    }

    /** Writes the counts in the format {@code org.jhpc.profiler.ExactCounts} reads. */
    static synchronized void dump(Path file) throws IOException {
        AtomicLongArray[] t = table;
        StringBuilder sb = new StringBuilder();
        for (int id = 0; id < t.length; id++) {
            String m = NAMES.get(id);
            int[] lines = LINES.get(id);
            sb.append("C\t").append(m).append('\t').append(t[id].get(0)).append('\n');
            for (int s = 0; s < lines.length; s++) {
                long hits = t[id].get(1 + s);
                if (hits > 0) sb.append("L\t").append(m).append('\t').append(lines[s]).append('\t').append(hits).append('\n');
                long bytes = t[id].get(1 + lines.length + s);
                if (bytes > 0) sb.append("A\t").append(m).append('\t').append(lines[s]).append('\t').append(bytes).append('\n');
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
