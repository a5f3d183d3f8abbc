package org.jhpc.tutorial.exercise;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jhpc.core.Variant;
import org.jhpc.diffusion.Diff2dOptions;
import org.jhpc.diffusion.Diff2dParams;
import org.jhpc.diffusion.Diff2dProblem;
import org.jhpc.diffusion.Diff2dRun;
import org.jhpc.diffusion.Field;
import org.jhpc.diffusion.Solver;
import org.jhpc.diffusion.Solvers;

/**
 * The diff2d exercise's check, against jhpc's own diff2d (tested bit for bit against an independent Python peer):
 * for args = (dx, runtime), the printed times must be jhpc's, line for line, followed by one line
 * {@code The total density is X} with X within {@link #RELATIVE} of Σ density over the final grid (boundary
 * included, row-major order).
 */
public final class Diff2dCheck implements AnswerCheck {
    /** Relative tolerance on the total density (reordered additions change the last bits only). */
    public static final double RELATIVE = 1e-12;

    private static final Pattern TOTAL = Pattern.compile("^The total density is\\s+(\\S+)\\s*$", Pattern.MULTILINE);

    /** jhpc's printed times and total density for (dx, runtime). */
    record Reference(List<String> times, double total) {}

    static Reference reference(String dx, String runtime) {
        Diff2dParams p = Diff2dParams.defaults().withAssignment("dx=" + dx).withAssignment("runtime=" + runtime);
        Diff2dProblem problem = new Diff2dProblem(p);
        StringWriter times = new StringWriter();
        try (Solver s = Solvers.create(problem, new Diff2dOptions(Variant.SIMD, 1, 0))) {
            Diff2dRun.run(problem, s, new PrintWriter(times), List.of());
            Field f = s.density();
            double total = 0;
            double[] row = new double[f.size()];
            for (int i = 0; i < f.size(); i++) {
                f.row(i, row);
                for (double v : row) total += v;
            }
            return new Reference(times.toString().lines().toList(), total);
        }
    }

    @Override
    public Verdict check(List<String> args, String stdout) {
        Reference ref = reference(args.get(0), args.get(1));
        List<String> lines = stdout.lines().toList();
        Matcher m = TOTAL.matcher(stdout);
        List<String> totals = m.results().map(r -> r.group(1)).toList();
        if (totals.size() != 1) {
            return Verdict.fail("(" + totals.size() + " total lines)", "print one line 'The total density is X' "
                    + "after the times, got " + totals.size());
        }
        String answer = ref.times().size() + " times, The total density is " + totals.get(0);
        List<String> times = lines.stream().filter(l -> !TOTAL.matcher(l).matches()).toList();
        for (int k = 0; k < Math.max(times.size(), ref.times().size()); k++) {
            String want = k < ref.times().size() ? ref.times().get(k) : "(nothing)";
            String got = k < times.size() ? times.get(k) : "(nothing)";
            if (!want.equals(got)) {
                return Verdict.fail(answer, "printed time " + (k + 1) + " is '" + got + "', jhpc diff2d prints '"
                        + want + "'");
            }
        }
        double total;
        try {
            total = Double.parseDouble(totals.get(0));
        } catch (NumberFormatException e) {
            return Verdict.fail(answer, "'" + totals.get(0) + "' is not a number");
        }
        double rel = Math.abs(total - ref.total()) / Math.abs(ref.total());
        if (!(rel <= RELATIVE)) {
            return Verdict.fail(answer, "wrong total density: jhpc diff2d gives " + ref.total() + ", relative "
                    + "difference " + String.format(Locale.ROOT, "%.3g", rel) + " (allowed " + RELATIVE + ")");
        }
        return Verdict.pass(answer, "all " + ref.times().size() + " times as jhpc prints them; total density "
                + "within " + RELATIVE + " of jhpc's " + ref.total());
    }
}
