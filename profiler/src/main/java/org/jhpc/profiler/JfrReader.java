package org.jhpc.profiler;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.jhpc.core.UserError;

/**
 * Reads a JFR file with {@link RecordingFile} into a {@link Recording}. The profiler's own work is left out:
 * samples in JFR's threads and exit hook ({@code jdk.jfr.*} frames) and in the agent rewriting classes; the
 * agent's counter calls and heap-sampler callback (with the upcall frames under it) are cut off the top of a
 * stack, so that their time and their allocation samples go to the line that caused them.
 */
public final class JfrReader {
    private static final String AGENT_PACKAGE = "org.jhpc.profiler.agent.";
    private static final String COUNTERS = AGENT_PACKAGE + "Counters";
    private static final String HEAP_SAMPLER = AGENT_PACKAGE + "HeapSampler";
    private final Map<Frame, Frame> frames = new HashMap<>();
    private final Map<String, Frame[]> wallStacks = new HashMap<>();
    private final int stackDepth;

    private JfrReader(int stackDepth) {
        this.stackDepth = stackDepth;
    }

    public static Recording read(Path file, int stackDepth) {
        try {
            return new JfrReader(stackDepth).parse(file);
        } catch (IOException e) {
            throw new UserError("cannot read recording " + file + ": " + org.jhpc.core.AtomicFiles.describe(e), e);
        }
    }

    private Recording parse(Path file) throws IOException {
        List<StackSample> exec = new ArrayList<>();
        List<StackSample> cpu = new ArrayList<>();
        List<StackSample> wall = new ArrayList<>();
        List<StackSample> sampled = new ArrayList<>();
        List<StackSample> throttled = new ArrayList<>();
        List<RecordedEvent> heapEvents = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        long lost = 0;
        long allocated = -1;
        long[] truncated = new long[1];
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                Instant t = e.getStartTime();
                if (first == null || t.isBefore(first)) first = t;
                if (last == null || e.getEndTime().isAfter(last)) last = e.getEndTime();
                switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> add(exec, e.getStackTrace(), 1, 0, thread(e, "sampledThread"), truncated);
                    case "jdk.CPUTimeSample" -> {
                        if (!e.getBoolean("failed")) add(cpu, e.getStackTrace(), 1, 0, thread(e, "eventThread"), truncated);
                    }
                    case "jdk.CPUTimeSamplesLost" -> lost += e.getInt("lostSamples");
                    case "jhpc.AllocationSample" -> add(sampled, e.getStackTrace(), e.getLong("weight"), e.getLong("size"),
                            thread(e, "eventThread"), null);
                    case "jhpc.AllocationTotal" -> allocated = Math.max(allocated, e.getLong("bytes"));
                    case "jhpc.WallSample" -> wall(wall, e, truncated);
                    case "jdk.ObjectAllocationSample" -> add(throttled, e.getStackTrace(), e.getLong("weight"), 0,
                            thread(e, "eventThread"), null);
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
        heap.sort(Comparator.comparingDouble(HeapPoint::seconds));
        double seconds = first == null ? 0 : Duration.between(first, last).toNanos() * 1e-9;
        boolean heapSampler = !sampled.isEmpty();
        return new Recording(exec, cpu, wall, heapSampler ? sampled : throttled, heapSampler,
                heapSampler ? allocated : -1, heap, seconds, lost, truncated[0], stackDepth);
    }

    private static String thread(RecordedEvent e, String field) {
        if (!e.hasField(field)) return "";
        RecordedThread t = e.getThread(field);
        if (t == null) return "";
        String n = t.getJavaName();
        return n != null ? n : t.getOSName() != null ? t.getOSName() : "";
    }

    private void add(List<StackSample> into, RecordedStackTrace st, long weight, long size, String thread,
                     long[] truncated) {
        if (st == null || st.getFrames().isEmpty()) return;
        List<RecordedFrame> rfs = st.getFrames();
        int skip = 0;   // the agent's counters and heap sampler: what they stand for belongs to the line below them
        for (int i = 0; i < rfs.size(); i++) {
            String type = rfs.get(i).getMethod().getType().getName();
            if (type.startsWith(AGENT_PACKAGE)) {
                if (!type.equals(COUNTERS) && !type.equals(HEAP_SAMPLER)) return;   // the agent's own work
                skip = i + 1;
            } else if (type.startsWith("jdk.jfr.")) {
                return;                                  // JFR's own threads and exit hook
            }
        }
        if (skip > 0 && skip < rfs.size() && rfs.get(skip - 1).getMethod().getType().getName().equals(HEAP_SAMPLER)) {
            // under the callback: the upcall's method-handle and stub frames, then the allocating code
            while (skip < rfs.size() && upcallFrame(rfs.get(skip).getMethod().getType().getName())) skip++;
        }
        if (skip == rfs.size()) return;
        if (truncated != null && st.isTruncated()) truncated[0]++;
        Frame[] fs = new Frame[rfs.size() - skip];
        for (int i = 0; i < fs.length; i++) {
            RecordedFrame rf = rfs.get(i + skip);
            String name = rf.getMethod().getType().getName() + "." + rf.getMethod().getName();
            fs[i] = intern(new Frame(name, rf.getLineNumber()));
        }
        into.add(new StackSample(fs, weight, size, thread));
    }

    private static boolean upcallFrame(String type) {
        return type.startsWith("java.lang.invoke.") || type.startsWith("jdk.internal.foreign.");
    }

    private Frame intern(Frame f) {
        return frames.computeIfAbsent(f, k -> k);
    }

    /** A wall-clock sample: its stack is a string field (see the agent's WallSampleEvent). */
    private void wall(List<StackSample> into, RecordedEvent e, long[] truncated) {
        String stack = e.getString("stack");
        if (stack == null || stack.isEmpty()) return;
        Frame[] fs = wallStacks.computeIfAbsent(stack, s -> {
            String[] parts = s.split(";");
            Frame[] out = new Frame[parts.length];
            for (int i = 0; i < parts.length; i++) {
                int colon = parts[i].lastIndexOf(':');
                int line = -1;
                try {
                    line = Integer.parseInt(parts[i].substring(colon + 1));
                } catch (NumberFormatException ex) {
                    // no line number
                }
                out[i] = intern(new Frame(parts[i].substring(0, colon), line < 0 ? -1 : line));
            }
            return out;
        });
        for (Frame f : fs) {
            if (f.method().startsWith("jdk.jfr.") || f.method().startsWith(AGENT_PACKAGE)) return;   // the profiler's own
        }
        if (e.getBoolean("truncated")) truncated[0]++;
        into.add(new StackSample(fs, e.getLong("weight"), 0, e.getString("thread")));
    }
}
