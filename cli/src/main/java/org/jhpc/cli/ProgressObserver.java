package org.jhpc.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jhpc.core.Config;
import org.jhpc.diffusion.Diff2dProblem;
import org.jhpc.diffusion.Diff2dRun;
import org.jhpc.diffusion.Field;

/**
 * A progress bar on stderr (me.tongfei:progressbar) for runs that last: it appears only when stderr is a terminal
 * (the launcher passes {@code -Djhpc.stderr.tty=1}) and only once the run has taken {@code jhpc.progress.after}
 * seconds (default 2), so short runs and scripts see nothing.
 */
final class ProgressObserver implements Diff2dRun.Observer {
    private final String task;
    private final long startNanos = System.nanoTime();
    private final double afterSeconds;
    private ProgressBar bar;

    private ProgressObserver(String task, double afterSeconds) {
        this.task = task;
        this.afterSeconds = afterSeconds;
    }

    /** The observer when stderr is a terminal, else null. */
    static ProgressObserver ifTerminal(String task) {
        if (!Config.STDERR_TTY.isOn()) return null;
        return new ProgressObserver(task, Double.parseDouble(Config.PROGRESS_AFTER.value()));
    }

    @Override
    public void output(Diff2dProblem p, long step, double simtime, Field density) {}

    @Override
    public boolean wantsProgress() {
        return true;
    }

    @Override
    public void progress(long step, long nsteps) {
        if (bar == null) {
            if ((System.nanoTime() - startNanos) * 1e-9 < afterSeconds) return;
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(nsteps).setUnit(" steps", 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true), 100)).build();
        }
        bar.stepTo(step);
    }

    @Override
    public void finish() {
        close();
    }

    @Override
    public void abort() {
        close();
    }

    private void close() {
        if (bar != null) bar.close();
        bar = null;
    }
}
