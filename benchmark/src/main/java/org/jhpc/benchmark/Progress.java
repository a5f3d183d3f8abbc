package org.jhpc.benchmark;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** What the harness tells the user while it runs: a progress bar on a terminal, one plain line per run otherwise. */
public interface Progress {
    /** {@code total} runs are planned. */
    void start(long total);

    /** One run of {@code what} begins. */
    void step(String what);

    /** A one-line note (a skipped row, a warning); never lost behind the bar. */
    void note(String line);

    void done();

    /**
     * Plain lines on {@code err}: "bench [12/80 0:42 ETA 3:10] diff2d default 200²: cpp-two (cold)", the time since
     * the first run and the time left at the mean pace of the runs so far (rough: the sweep's largest cases come
     * last and take longest).
     */
    static Progress lines(PrintWriter err) {
        return new Progress() {
            long total, i, t0;

            @Override
            public void start(long t) {
                total = t;
                t0 = System.nanoTime();
            }

            @Override
            public void step(String what) {
                double elapsed = (System.nanoTime() - t0) * 1e-9;
                String eta = i == 0 ? "" : " ETA " + clock(elapsed / i * (total - i));
                err.println("bench [" + (++i) + "/" + total + " " + clock(elapsed) + eta + "] " + what);
                err.flush();
            }

            @Override
            public void note(String line) {
                err.println("bench: " + line);
                err.flush();
            }

            @Override
            public void done() {
                err.flush();
            }
        };
    }

    /** {@code s} seconds as m:ss (h:mm:ss past an hour). */
    static String clock(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
                : String.format(java.util.Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }

    /** A progress bar on stderr (me.tongfei.progressbar) with the run in progress as its extra message. */
    static Progress bar() {
        return new Progress() {
            ProgressBar pb;

            @Override
            public void start(long total) {
                pb = new ProgressBarBuilder().setTaskName("bench").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(200)
                        .continuousUpdate().build();
            }

            @Override
            public void step(String what) {
                if (pb == null) return;
                if (pb.getCurrent() > 0 || !pb.getExtraMessage().isEmpty()) pb.step();
                pb.setExtraMessage(what.length() > 60 ? what.substring(0, 60) : what);
            }

            @Override
            public void note(String line) {
                System.err.print("\r\033[2K");
                System.err.println("bench: " + line);
                System.err.flush();
            }

            @Override
            public void done() {
                if (pb != null) {
                    pb.stepTo(pb.getMax());
                    pb.close();
                }
            }
        };
    }
}
