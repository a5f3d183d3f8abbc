package org.jhpc.profiler;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.jhpc.core.UserError;

/**
 * Reads a JFR file with {@link RecordingFile} into a {@link Recording}. The profiler's own work is left out:
 * samples in JFR's threads and exit hook ({@code jdk.jfr.*} frames) and in the --exact agent rewriting classes;
 * the agent's counter calls are cut off the top of a stack, so that their time goes to the counted line.
 */
public final class JfrReader {
    private static final String AGENT_PACKAGE = "org.jhpc.profiler.agent.";
    private static final String COUNTERS = AGENT_PACKAGE + "Counters";
    private final Map<Frame, Frame> frames = new HashMap<>();

    private JfrReader() {}

    public static Recording read(Path file) {
        try {
            return new JfrReader().parse(file);
        } catch (IOException e) {
            throw new UserError("cannot read recording " + file + ": " + org.jhpc.core.AtomicFiles.describe(e), e);
        }
    }

    private Recording parse(Path file) throws IOException {
        List<StackSample> exec = new ArrayList<>();
        List<StackSample> cpu = new ArrayList<>();
        List<StackSample> alloc = new ArrayList<>();
        List<StackSample> throttled = new ArrayList<>();
        List<RecordedEvent> heapEvents = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        long lost = 0;
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                Instant t = e.getStartTime();
                if (first == null || t.isBefore(first)) first = t;
                if (last == null || e.getEndTime().isAfter(last)) last = e.getEndTime();
                switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> add(exec, e.getStackTrace(), 1);
                    case "jdk.CPUTimeSample" -> {
                        if (!e.getBoolean("failed")) add(cpu, e.getStackTrace(), 1);
                    }
                    case "jdk.CPUTimeSamplesLost" -> lost += e.getInt("lostSamples");
                    case "jdk.ObjectAllocationInNewTLAB" -> add(alloc, e.getStackTrace(), e.getLong("tlabSize"));
                    case "jdk.ObjectAllocationOutsideTLAB" -> add(alloc, e.getStackTrace(), e.getLong("allocationSize"));
                    case "jdk.ObjectAllocationSample" -> add(throttled, e.getStackTrace(), e.getLong("weight"));
                    case "jdk.GCHeapSummary", "jdk.GCHeapMemoryUsage" -> heapEvents.add(e);
                    default -> { }
                }
            }
        }
        List<HeapPoint> heap = new ArrayList<>();
        for (RecordedEvent e : heapEvents) {
            double s = Duration.between(first, e.getStartTime()).toNanos() * 1e-9;
            if (e.getEventType().getName().equals("jdk.GCHeapMemoryUsage")) {
                heap.add(new HeapPoint(s, HeapPoint.Kind.PERIODIC, e.getLong("used")));
            } else {
                boolean before = "Before GC".equals(e.getString("when"));
                heap.add(new HeapPoint(s, before ? HeapPoint.Kind.BEFORE_GC : HeapPoint.Kind.AFTER_GC,
                        e.getLong("heapUsed")));
            }
        }
        heap.sort(java.util.Comparator.comparingDouble(HeapPoint::seconds));
        double seconds = first == null ? 0 : Duration.between(first, last).toNanos() * 1e-9;
        return new Recording(exec, cpu, alloc.isEmpty() ? throttled : alloc, heap, seconds, lost);
    }

    private void add(List<StackSample> into, RecordedStackTrace st, long weight) {
        if (st == null || st.getFrames().isEmpty()) return;
        List<RecordedFrame> rfs = st.getFrames();
        int skip = 0;   // the --exact agent's counters: their time belongs to the counted line
        for (int i = 0; i < rfs.size(); i++) {
            String type = rfs.get(i).getMethod().getType().getName();
            if (type.startsWith(AGENT_PACKAGE)) {
                if (!type.equals(COUNTERS)) return;   // the agent rewriting a class: the profiler's own work
                skip = i + 1;
            } else if (type.startsWith("jdk.jfr.")) {
                return;                                  // JFR's own threads and exit hook
            }
        }
        if (skip == rfs.size()) return;
        Frame[] fs = new Frame[rfs.size() - skip];
        for (int i = 0; i < fs.length; i++) {
            RecordedFrame rf = rfs.get(i + skip);
            String name = rf.getMethod().getType().getName() + "." + rf.getMethod().getName();
            Frame f = new Frame(name, rf.getLineNumber());
            fs[i] = frames.computeIfAbsent(f, k -> k);
        }
        into.add(new StackSample(fs, weight));
    }
}
