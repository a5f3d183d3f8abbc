package org.jhpc.profiler.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The counters that instrumented methods call. Each instrumented method has one {@link AtomicLongArray} holding
 * its calls (slot 0), the executions of each of its {@code n} distinct source lines (slots 1..n), the array bytes
 * allocated on each line (slots n+1..2n) and the executions of each of its {@code m} {@code new} instructions
 * (slots 2n+1..2n+m). Every instance of a class has the same size, so object bytes are counted as executions and
 * multiplied, when the counts are written, by the class's instance size ({@link Instrumentation#getObjectSize} of an
 * instance made without running a constructor). Methods are registered while their class is transformed, before
 * any of their code runs; the table is copied on registration, so readers need no lock.
 */
public final class Counters {
    /** One instrumented method: its name, lines, {@code new} sites and counters. */
    private record Method(String name, int[] lines, int[] siteSlots, String[] siteClasses, ClassLoader loader,
                          AtomicLongArray counts) {}

    private static volatile Method[] table = new Method[0];
    private static volatile Instrumentation instrumentation;

    private Counters() {}

    static void init(Instrumentation inst) {
        instrumentation = inst;
    }

    /**
     * Registers a method with its distinct line numbers (sorted) and its {@code new} instructions (for each, the
     * slot of its line in {@code lines} and its class's internal name, in code order); returns the method's id.
     */
    static synchronized int register(String method, int[] lines, int[] siteSlots, String[] siteClasses,
                                     ClassLoader loader) {
        int id = table.length;
        Method[] t = Arrays.copyOf(table, id + 1);
        t[id] = new Method(method, lines.clone(), siteSlots.clone(), siteClasses.clone(), loader,
                new AtomicLongArray(1 + 2 * lines.length + siteSlots.length));
        table = t;
        return id;
    }

    /** Called at the start of instrumented method {@code id}. */
    public static void call(int id) {
        table[id].counts().incrementAndGet(0);
    }

    /** Called each time line slot {@code slot} of method {@code id} starts executing. */
    public static void line(int id, int slot) {
        table[id].counts().incrementAndGet(1 + slot);
    }

    /** Called with each array just allocated on line slot {@code slot} of method {@code id}. */
    public static void array(Object array, int id, int slot) {
        Instrumentation inst = instrumentation;
        if (inst == null || array == null) return;
        Method m = table[id];
        m.counts().addAndGet(1 + m.lines().length + slot, inst.getObjectSize(array));
    }

    /** Called after each execution of {@code new} instruction number {@code site} of method {@code id}. */
    public static void object(int id, int site) {
        Method m = table[id];
        m.counts().incrementAndGet(1 + 2 * m.lines().length + site);
    }

    /** Writes the counts in the format {@code org.jhpc.profiler.ExactCounts} reads. */
    static synchronized void dump(Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Method m : table) {
            AtomicLongArray c = m.counts();
            int n = m.lines().length;
            long[] bytes = new long[n];
            for (int s = 0; s < n; s++) bytes[s] = c.get(1 + n + s);
            for (int k = 0; k < m.siteSlots().length; k++) {
                long count = c.get(1 + 2 * n + k);
                if (count == 0) continue;
                long size = instanceSize(m.siteClasses()[k], m.loader());
                if (size > 0) bytes[m.siteSlots()[k]] += count * size;
            }
            sb.append("C\t").append(m.name()).append('\t').append(c.get(0)).append('\n');
            for (int s = 0; s < n; s++) {
                long hits = c.get(1 + s);
                if (hits > 0) sb.append("L\t").append(m.name()).append('\t').append(m.lines()[s]).append('\t')
                        .append(hits).append('\n');
                if (bytes[s] > 0) sb.append("A\t").append(m.name()).append('\t').append(m.lines()[s]).append('\t')
                        .append(bytes[s]).append('\n');
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The size of an instance of the class, or -1 when it cannot be measured. */
    private static long instanceSize(String internalName, ClassLoader loader) {
        Instrumentation inst = instrumentation;
        if (inst == null) return -1;
        try {
            Class<?> c = Class.forName(internalName.replace('/', '.'), false, loader);
            return inst.getObjectSize(unsafe().allocateInstance(c));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return -1;
        }
    }

    private static sun.misc.Unsafe unsafe() throws ReflectiveOperationException {
        Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        return (sun.misc.Unsafe) f.get(null);
    }
}
