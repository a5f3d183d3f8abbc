package org.jhpc.profiler.agent;

import java.util.Map;

/**
 * The wall-clock sampler of {@code --mode wall}: a daemon thread that every period takes the stack of every
 * application thread (whatever its state: running, runnable, sleeping, waiting, blocked) and records one
 * {@link WallSampleEvent} per thread, weighing the nanoseconds since the previous tick (so a late tick on a busy
 * machine still stands for the time it covers). Threads of the JVM's "system" and "InnocuousThreadGroup" groups
 * (reference handler, signal dispatcher, cleaner, ...) and the profiler's own are left out. The stacks come from {@link Thread#getAllStackTraces},
 * taken at a safepoint: right for time spent waiting, less exact for lines of running code than the CPU samples.
 */
final class WallSampler {
    private WallSampler() {}

    /** Starts the sampler; interrupting the returned thread stops it. */
    static Thread start(long periodNanos, int maxDepth) {
        Thread t = Thread.ofPlatform().daemon().name("jhpc-wall-sampler").unstarted(() -> loop(periodNanos, maxDepth));
        t.start();
        return t;
    }

    private static void loop(long period, int maxDepth) {
        long last = System.nanoTime();
        StringBuilder sb = new StringBuilder(4096);
        while (true) {
            long next = last + period;
            long wait;
            while ((wait = next - System.nanoTime()) > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
            long now = System.nanoTime();
            long weight = now - last;
            last = now;
            Thread self = Thread.currentThread();
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                Thread th = e.getKey();
                StackTraceElement[] st = e.getValue();
                if (th == self || st.length == 0 || th.getName().startsWith("jhpc-")) continue;
                ThreadGroup g = th.getThreadGroup();
                if (g != null && (g.getName().equals("system") || g.getName().equals("InnocuousThreadGroup"))) continue;
                sb.setLength(0);
                int n = Math.min(st.length, maxDepth);
                for (int i = 0; i < n; i++) {
                    if (i > 0) sb.append(';');
                    sb.append(st[i].getClassName()).append('.').append(st[i].getMethodName()).append(':')
                            .append(st[i].getLineNumber());
                }
                WallSampleEvent ev = new WallSampleEvent();
                ev.thread = th.getName();
                ev.state = th.getState().name();
                ev.weight = weight;
                ev.truncated = st.length > maxDepth;
                ev.stack = sb.toString();
                ev.commit();
            }
        }
    }
}
