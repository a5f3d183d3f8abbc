package org.jhpc.profiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The line-by-line view of one method: its source file (relative to a source root), the samples with the method
 * on the stack, and one {@link LineStat} per shown line. Shown are all source lines from just above the first line
 * with code to the last, when the source is found (line_profiler shows the whole function); otherwise the lines
 * with code or samples.
 */
public record MethodLines(String method, String file, boolean sourceFound, long methodSamples, List<LineStat> lines) {
    private static final int MAX_SPAN = 400;

    public static MethodLines of(ProfileData d, String method, ClassIndex classes, SourceFinder sources) {
        TreeMap<Integer, Long> samples = d.lineSamples(method);
        Map<Integer, Long> hits = d.exact().hits(method);
        String file = sources.fileFor(new Frame(method, -1).className());
        List<String> text = sources.lines(file);
        ClassIndex.MethodInfo info = classes.method(method);
        TreeSet<Integer> shown = new TreeSet<>();
        if (info != null) shown.addAll(info.lines());
        shown.addAll(samples.keySet());
        shown.addAll(hits.keySet());
        shown.remove(-1);
        if (text != null && !shown.isEmpty()) {
            int first = Math.max(1, shown.first() - 1);
            int last = Math.min(text.size(), shown.last());
            if (last - first <= MAX_SPAN) {
                for (int l = first; l <= last; l++) shown.add(l);
            }
        }
        if (samples.containsKey(-1)) shown.add(-1);
        List<LineStat> rows = new ArrayList<>();
        for (int l : shown) {
            String src = text != null && l >= 1 && l <= text.size() ? text.get(l - 1) : null;
            rows.add(new LineStat(method, file, l, samples.getOrDefault(l, 0L),
                    hits.isEmpty() ? -1 : hits.getOrDefault(l, 0L), src));
        }
        return new MethodLines(method, file, text != null, d.method(method).total(), rows);
    }
}
