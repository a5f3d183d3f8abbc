package org.jhpc.cli;

import java.io.PrintWriter;
import java.util.List;
import org.jhpc.core.Variant;
import picocli.CommandLine.Option;

/**
 * {@code --timing}: the machine-read report on stderr that every workload prints the same way ({@code @Mixin}):
 * {@code variant=}, {@code kernel=}, the workload's own lines, and last {@code compute_seconds=<s>}.
 */
public final class TimingOption {
    @Option(names = "--timing", description = "print variant=, kernel=, sizes, rates and last compute_seconds=<s> "
            + "(the timed part, as said above) on stderr")
    boolean on;

    public boolean on() {
        return on;
    }

    /** Prints the report when --timing was given. */
    public void print(PrintWriter err, Variant variant, String kernel, List<String> lines, double computeSeconds) {
        if (!on) return;
        err.println("variant=" + variant);
        err.println("kernel=" + kernel);
        lines.forEach(err::println);
        err.println("compute_seconds=" + computeSeconds);
        err.flush();
    }
}
