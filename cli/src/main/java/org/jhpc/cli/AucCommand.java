package org.jhpc.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jhpc.auc.Integrand;
import org.jhpc.auc.Integrator;
import org.jhpc.auc.Integrators;
import org.jhpc.auc.MpiIntegrator;
import org.jhpc.core.PyFormat;
import org.jhpc.core.UserError;
import org.jhpc.core.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jhpc auc}: the tutorial's area under y = 0.7x³ − 2x² + 4 on [0, 3], on any rung of the ladder. */
@Command(name = "auc", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Area under y = 0.7x^3 - 2x^2 + 4 on [0, 3] (exactly 8.175) by a left Riemann sum of NTOT "
                + "points, as the tutorial's auc_serial.py; prints 'The area is %%f'.",
                "Variants: loops, simd, threads, expr, mpi (default: threads with more than one thread, else simd; "
                        + "with mpi rank 0 prints). --timing times the last computation (wall time; cpu_seconds is "
                        + "the calling thread's CPU time)."})
public final class AucCommand implements Callable<Integer> {
    /** Largest --digits accepted (a double's exact value near 8 has 50 or so decimals). */
    static final int MAX_DIGITS = 100;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NTOT", defaultValue = "30000000",
            description = "number of points (a whole number from 1 to 9223372036854775807)")
    String ntotText;

    @Mixin
    VariantOption variant;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--digits", paramLabel = "N", description = "decimals to print (as Python's '%%.Nf')")
    int digits = 6;

    @Mixin
    SimdOption simd;

    @Option(names = "--repeat", paramLabel = "R", description = "compute R times (JIT warm-up); --timing reports "
            + "the last run")
    int repeat = 1;

    @Mixin
    TimingOption timing;

    @Mixin
    JitOption jit = new JitOption();

    @Override
    public Integer call() {
        if (jit.reexecIfNeeded() instanceof Integer child) return child;
        long ntot = parseCount(ntotText);
        if (digits < 0 || digits > MAX_DIGITS) {
            throw new UserError("--digits must be from 0 to " + MAX_DIGITS + ", got " + digits);
        }
        if (repeat < 1) throw new UserError("--repeat must be at least 1, got " + repeat);
        simd.apply();
        Variant v = variant.resolve(() -> Integrators.fastest(threads.get()));

        double area = Double.NaN;
        long nanos = 0, cpuNanos = 0, firstNanos = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        String kernel;
        boolean root = true;
        try (Integrator integrator = Integrators.create(v, threads.get())) {
            root = !(integrator instanceof MpiIntegrator m) || m.isRoot();
            kernel = integrator.kernel();
            for (int r = 0; r < repeat; r++) {
                long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
                area = integrator.area(ntot);
                nanos = System.nanoTime() - t0;
                if (r == 0) firstNanos = nanos;
                cpuNanos = mx.getCurrentThreadCpuTime() - c0;
            }
        }
        if (!root) return 0;
        PrintWriter out = spec.commandLine().getOut();
        out.println("The area is " + PyFormat.fixed(area, digits));
        out.flush();
        if (timing.on()) {
            double secs = nanos * 1e-9;
            List<String> lines = new ArrayList<>();
            lines.add("java=" + System.getProperty("java.vm.name") + " " + Runtime.version());
            lines.add("ntot=" + ntot + " repeat=" + repeat);
            if (secs > 0) {
                lines.add(String.format(Locale.ROOT, "points_per_second=%.4g", ntot / secs));
                lines.add(String.format(Locale.ROOT, "gflops=%.3f (%d flops per point: the slides' loop body as written)",
                        ntot * (double) Integrand.FLOPS_PER_POINT / secs * 1e-9, Integrand.FLOPS_PER_POINT));
            }
            lines.add("cpu_seconds=" + cpuNanos * 1e-9 + " (calling thread only)");
            lines.addAll(jit.lines());
            lines.add("first_call_seconds=" + firstNanos * 1e-9 + " steady_seconds=" + secs + " (run 1 and run "
                    + repeat + " of --repeat " + repeat + ")");
            timing.print(spec.commandLine().getErr(), v, kernel, lines, secs);
        }
        return 0;
    }

    /** NTOT as a count of points: a whole number from 1 to Long.MAX_VALUE, else a one-line {@link UserError}. */
    static long parseCount(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) throw new UserError("NTOT is empty; give the number of points, e.g. 30000000");
        if (!s.matches("[+-]?[0-9]+")) {
            throw new UserError("NTOT must be a whole number of points, got '" + text + "'");
        }
        long n;
        try {
            n = Long.parseLong(s);
        } catch (NumberFormatException e) {       // only overflow is left: the pattern matched
            if (s.startsWith("-")) throw new UserError("NTOT must be at least 1, got " + s);
            throw new UserError("NTOT " + s + " is too large (the most is " + Long.MAX_VALUE + ")");
        }
        if (n < 1) throw new UserError("NTOT must be at least 1, got " + s);
        return n;
    }
}
