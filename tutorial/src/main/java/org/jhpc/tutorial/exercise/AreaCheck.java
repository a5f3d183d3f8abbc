package org.jhpc.tutorial.exercise;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jhpc.auc.ExactLeftSum;

/**
 * The auc exercises' check: exactly one line {@code The area is X} (printed by rank 0 alone under MPI), X with at
 * least {@link #MIN_DECIMALS} decimals, and |X − A(n)| ≤ ½·10^−d + {@link #DRIFT}, where A(n) is the exact left
 * Riemann sum of n = args[0] points ({@link ExactLeftSum}) and d the decimals printed: the answer is right to every
 * digit shown, allowing for the drift of the slides' {@code x += dx} loop (2.3e-9 at 3e7 points).
 */
public final class AreaCheck implements AnswerCheck {
    /** Fewest decimals accepted (the slides' {@code %f}). */
    public static final int MIN_DECIMALS = 6;
    /** Rounding drift allowed on top of the printed precision. */
    public static final double DRIFT = 1e-8;

    private static final Pattern LINE = Pattern.compile("^The area is\\s+(\\S+)\\s*$", Pattern.MULTILINE);

    @Override
    public Verdict check(List<String> args, String stdout) {
        long ntot = Long.parseLong(args.get(0));
        BigDecimal exact = ExactLeftSum.decimal(ntot);
        Matcher m = LINE.matcher(stdout);
        List<String> found = m.results().map(r -> r.group(1)).toList();
        if (found.isEmpty()) return Verdict.fail("(none)", "no line 'The area is X' in the output");
        if (found.size() > 1) {
            return Verdict.fail(String.join(", ", found), found.size() + " lines 'The area is X'; print it once "
                    + "(under MPI: on rank 0 only)");
        }
        String text = found.get(0);
        String answer = "The area is " + text;
        BigDecimal printed;
        try {
            printed = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return Verdict.fail(answer, "'" + text + "' is not a number");
        }
        int decimals = Math.max(0, printed.scale());
        if (decimals < MIN_DECIMALS) {
            return Verdict.fail(answer, "print at least " + MIN_DECIMALS + " decimals (as %f does), got " + decimals);
        }
        double tolerance = 0.5 * Math.pow(10, -decimals) + DRIFT;
        double error = printed.subtract(exact).abs().doubleValue();
        String exactText = exact.round(new java.math.MathContext(17)).toPlainString();
        if (error > tolerance) {
            return Verdict.fail(answer, "wrong area: the exact left sum of " + ntot + " points is " + exactText
                    + "; " + text + " is off by " + String.format(Locale.ROOT, "%.3g", error) + " (allowed: "
                    + String.format(Locale.ROOT, "%.3g", tolerance) + " at " + decimals + " decimals)");
        }
        return Verdict.pass(answer, "right to the " + decimals + " decimals printed (exact left sum " + exactText
                + ")");
    }
}
