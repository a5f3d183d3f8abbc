package org.jhpc.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jhpc.core.UserError;
import org.jhpc.tutorial.race.CounterRace;
import org.jhpc.tutorial.race.FalseSharing;
import org.jhpc.tutorial.race.Fix;
import org.jhpc.tutorial.race.RaceLimits;
import org.jhpc.tutorial.race.SharedArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jhpc race}: the slides' shared-memory examples with Java threads (org.jhpc.tutorial.race). */
@Command(name = "race", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Threads sharing memory, after the slides' multiprocessing_shared.py: WORKERS threads each add "
                + "INCREMENTS ones to one shared counter, without a fix (updates are lost: count < expected) and "
                + "with each of the JDK's fixes (exact counts, at a cost the time shows); then disjoint writes to one "
                + "shared array (no race) and false sharing (counters in adjacent vs padded slots: same answer, "
                + "different time). With --fix, only that counter runs.",
                "Source: tutorial/src/main/java/org/jhpc/tutorial/race/."})
public final class RaceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workers", paramLabel = "N", description = "threads (the slides start 10 processes)")
    int workers = 10;

    @Option(names = "--increments", paramLabel = "N", description = "increments per worker")
    long increments = 100_000;

    @Option(names = "--fix", paramLabel = "F", description = "none, lock, synchronized, atomic or adder (default: all)")
    String fix;

    @Option(names = "--length", paramLabel = "N", description = "cells of the shared array")
    int length = 1_000_000;

    @Override
    public Integer call() {
        RaceLimits.check(workers, increments);
        List<Fix> fixes = fix == null ? List.of(Fix.values()) : List.of(Fix.parse(fix));
        if (length < 0) throw new UserError("--length must be >= 0, got " + length);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "shared counter: %d workers x %d increments%n", workers, increments);
        for (Fix f : fixes) {
            CounterRace.Result r = CounterRace.run(f, workers, increments);
            out.printf(Locale.ROOT, "fix=%-13s count=%-10d expected=%-10d lost=%-10d time=%.4f s%n",
                    f.label(), r.count(), r.expected(), r.lost(), r.seconds());
            out.flush();
        }
        if (fix != null) return 0;
        SharedArray.Result a = SharedArray.run(workers, length);
        out.printf(Locale.ROOT, "shared array: %d workers write disjoint parts of %d cells%n", workers, length);
        out.printf(Locale.ROOT, "wrong=%d of %d   time=%.4f s%n", a.wrong(), a.length(), a.seconds());
        out.printf(Locale.ROOT, "false sharing: %d workers x %d increments, each to its own counter%n", workers, increments);
        for (FalseSharing.Layout layout : FalseSharing.Layout.values()) {
            FalseSharing.Result r = FalseSharing.run(layout, workers, increments);
            out.printf(Locale.ROOT, "layout=%-9s total=%-10d expected=%-10d time=%.4f s  (counters %d bytes apart)%n",
                    layout.name().toLowerCase(java.util.Locale.ROOT), r.total(), r.expected(), r.seconds(),
                    8 * layout.stride);
        }
        return 0;
    }
}
