package org.jhpc.diffusion;

import java.util.Map;
import org.jhpc.core.ParamFile;
import org.jhpc.core.UserError;

/**
 * The tutorial's parameter file {@code diff2dparams.py}, as values: diffusion constant {@code D}, domain
 * {@code [x1, x2]²}, simulated time {@code runtime}, requested grid spacing {@code dx}, output interval
 * {@code outtime}, and whether to show live {@code graphics}.
 */
public record Diff2dParams(double D, double x1, double x2, double runtime, double dx, double outtime, boolean graphics) {

    /** The slides' values: {@code D = 1.0; x1 = -10.0; x2 = 10.0; runtime = 15.0; dx = 0.1; outtime = 0.5; graphics = False}. */
    public static Diff2dParams defaults() {
        return new Diff2dParams(1.0, -10.0, 10.0, 15.0, 0.1, 0.5, false);
    }

    public static final String NAMES = "D, x1, x2, runtime, dx, outtime, graphics";

    /** Returns a copy with one named value replaced; unknown names are an error. */
    public Diff2dParams with(String name, ParamFile.Value v) {
        return switch (name) {
            case "D" -> new Diff2dParams(v.asDouble(name), x1, x2, runtime, dx, outtime, graphics);
            case "x1" -> new Diff2dParams(D, v.asDouble(name), x2, runtime, dx, outtime, graphics);
            case "x2" -> new Diff2dParams(D, x1, v.asDouble(name), runtime, dx, outtime, graphics);
            case "runtime" -> new Diff2dParams(D, x1, x2, v.asDouble(name), dx, outtime, graphics);
            case "dx" -> new Diff2dParams(D, x1, x2, runtime, v.asDouble(name), outtime, graphics);
            case "outtime" -> new Diff2dParams(D, x1, x2, runtime, dx, v.asDouble(name), graphics);
            case "graphics" -> new Diff2dParams(D, x1, x2, runtime, dx, outtime, v.asBool(name));
            default -> throw new UserError("unknown parameter '" + name + "' (known: " + NAMES + ")");
        };
    }

    public Diff2dParams withAll(Map<String, ParamFile.Value> values) {
        Diff2dParams p = this;
        for (var e : values.entrySet()) p = p.with(e.getKey(), e.getValue());
        return p;
    }

    /** Applies a {@code name=value} override from the command line. */
    public Diff2dParams withAssignment(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) throw new UserError("--set expects name=value, got '" + assignment + "'");
        String name = assignment.substring(0, eq).strip();
        return with(name, ParamFile.literal(assignment.substring(eq + 1), "--set " + name));
    }
}
