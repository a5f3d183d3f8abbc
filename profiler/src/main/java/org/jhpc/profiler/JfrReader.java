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
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) accept(rf.readEvent());
        }
        return recording();
    }

    /**
     * A reader for events as they arrive (a {@link jdk.jfr.consumer.RecordingStream} in the profiled JVM itself):
     * {@link #accept} each event, then {@link #recording}. {@code entry} is the method through which the profiled
     * code was called: a stack through it keeps only its frames above it (the profiler's own frames below it are
     * cut); samples of the thread named {@code entryThread} that are not through it (the profiler's own work
     * before and after the run), and of threads whose names start with {@code jhpc-profile}, are left out.
     */
    static JfrReader live(int stackDepth, String entry, String entryThread) {
        JfrReader r = new JfrReader(stackDepth);
        r.entry = entry;
        r.entryThread = entryThread;
        return r;
    }

    private String entry;
    private String entryThread;
    private final List<StackSample> exec = new ArrayList<>();
    private final List<StackSample> cpu = new ArrayList<>();
    private final List<StackSample> wall = new ArrayList<>();
    private final List<StackSample> sampled = new ArrayList<>();
    private final List<StackSample> throttled = new ArrayList<>();
    private final List<Instant> heapTimes = new ArrayList<>();
    private final List<HeapPoint> heapPoints = new ArrayList<>();   // seconds filled in by recording()
    private Instant first;
    private Instant last;
    private long lost;
    private long allocated = -1;
    private final long[] truncated = new long[1];

    /** Takes one event into the recording (synchronized: a stream may call it from its own thread). */
    synchronized void accept(RecordedEvent e) {
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
            case "jdk.GCHeapMemoryUsage" -> heap(t, HeapPoint.Kind.PERIODIC, e.getLong("used"));
            case "jdk.GCHeapSummary" -> heap(t, "Before GC".equals(e.getString("when")) ? HeapPoint.Kind.BEFORE_GC
                    : HeapPoint.Kind.AFTER_GC, e.getLong("heapUsed"));
            default -> { }
        }
    }

    private void heap(Instant t, HeapPoint.Kind kind, long used) {
        heapTimes.add(t);
        heapPoints.add(new HeapPoint(0, kind, used));
    }

    /** What the events taken so far add up to. */
    synchronized Recording recording() {
        List<HeapPoint> heap = new ArrayList<>();
        for (int i = 0; i < heapPoints.size(); i++) {
            HeapPoint p = heapPoints.get(i);
            heap.add(new HeapPoint(Duration.between(first, heapTimes.get(i)).toNanos() * 1e-9, p.kind(), p.used()));
        }
        heap.sort(Comparator.comparingDouble(HeapPoint::seconds));
        double seconds = first == null ? 0 : Duration.between(first, last).toNanos() * 1e-9;
        boolean heapSampler = !sampled.isEmpty();
        return new Recording(List.copyOf(exec), List.copyOf(cpu), List.copyOf(wall),
                List.copyOf(heapSampler ? sampled : throttled), heapSampler, heapSampler ? allocated : -1, heap,
                seconds, lost, truncated[0], stackDepth);
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
        int end = rfs.size();
        if (entry != null) {
            if (thread.startsWith("jhpc-profile")) return;
            int at = entryFrame(rfs, skip);
            if (at >= 0) {
                end = at;
            } else if (thread.equals(entryThread) && !st.isTruncated() || through(rfs, entryClass())) {
                return;                                  // the profiler's own work on the running thread
            }
            if (end == skip) return;
        }
        if (truncated != null && st.isTruncated() && end == rfs.size()) truncated[0]++;
        Frame[] fs = new Frame[end - skip];
        for (int i = 0; i < fs.length; i++) {
            RecordedFrame rf = rfs.get(i + skip);
            String name = rf.getMethod().getType().getName() + "." + rf.getMethod().getName();
            fs[i] = intern(new Frame(name, rf.getLineNumber()));
        }
        into.add(new StackSample(fs, weight, size, thread));
    }

    private String entryClass() {
        return entry.substring(0, entry.lastIndexOf('.'));
    }

    private static boolean through(List<RecordedFrame> rfs, String type) {
        for (RecordedFrame f : rfs) if (f.getMethod().getType().getName().equals(type)) return true;
        return false;
    }

    /** The innermost frame at or above {@code from} that is the entry method, or -1. */
    private int entryFrame(List<RecordedFrame> rfs, int from) {
        for (int i = from; i < rfs.size(); i++) {
            RecordedFrame f = rfs.get(i);
            if (entry.endsWith(f.getMethod().getName()) && entry.equals(f.getMethod().getType().getName() + "."
                    + f.getMethod().getName())) {
                while (i > from && rfs.get(i - 1).getMethod().getType().getName().contains("$$Lambda")) i--;
                return i;   // the caller's lambda that the entry called goes with it
            }
        }
        return -1;
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
        String thread = e.getString("thread");
        boolean cut = false;
        if (entry != null) {
            if (thread == null || thread.startsWith("jhpc-profile")) return;
            int at = -1;
            for (int i = 0; i < fs.length && at < 0; i++) if (fs[i].method().equals(entry)) at = i;
            if (at == 0 || at < 0 && thread.equals(entryThread) && !e.getBoolean("truncated")) return;
            if (at > 0) {
                fs = java.util.Arrays.copyOf(fs, at);
                cut = true;
            }
        }
        if (e.getBoolean("truncated") && !cut) truncated[0]++;
        into.add(new StackSample(fs, e.getLong("weight"), 0, thread));
    }
}
