package org.jhpc.profiler;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jhpc.core.AtomicFiles;

/**
 * {@code --collapsed FILE}: folded stacks, the input format of flamegraph.pl, speedscope and inferno: one line per
 * distinct stack, frames from the thread's entry point to the innermost separated by ';', then a space and the
 * number of samples. Frames are method names ({@code pkg.Class.name}); lines are sorted for reproducibility.
 */
public final class CollapsedStacks {
    private CollapsedStacks() {}

    public static String collapsed(Iterable<StackSample> samples) {
        Map<String, Long> counts = new TreeMap<>();
        StringBuilder sb = new StringBuilder();
        for (StackSample s : samples) {
            sb.setLength(0);
            Frame[] f = s.frames();
            for (int i = f.length - 1; i >= 0; i--) {
                if (i < f.length - 1) sb.append(';');
                sb.append(f[i].method().replace(' ', '_').replace(';', ':'));
            }
            counts.merge(sb.toString(), s.weight(), Long::sum);
        }
        StringBuilder out = new StringBuilder();
        counts.forEach((k, v) -> out.append(k).append(' ').append(v).append('\n'));
        return out.toString();
    }

    public static void write(Path file, Iterable<StackSample> samples) {
        byte[] bytes = collapsed(samples).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, (OutputStream out) -> out.write(bytes));
    }
}
