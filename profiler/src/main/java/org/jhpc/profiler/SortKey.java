package org.jhpc.profiler;

import java.util.Comparator;
import java.util.Locale;
import org.jhpc.core.UserError;

/** Orders of the by-method report, named as cProfile's {@code -s} keys where they mean the same. */
public enum SortKey {
    CUMULATIVE(Comparator.comparingLong((MethodStat m) -> -m.total())),
    SELF(Comparator.comparingLong((MethodStat m) -> -m.self())),
    CALLS(Comparator.comparingLong((MethodStat m) -> -m.calls())),
    NAME(Comparator.comparing(MethodStat::method));

    private final Comparator<MethodStat> comparator;

    SortKey(Comparator<MethodStat> comparator) {
        this.comparator = comparator;
    }

    public Comparator<MethodStat> comparator() {
        return comparator;
    }

    public static SortKey parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "cumulative", "cumtime", "cum", "total" -> CUMULATIVE;
            case "self", "tottime", "time" -> SELF;
            case "calls", "ncalls" -> CALLS;
            case "name", "method" -> NAME;
            default -> throw new UserError("unknown sort key '" + s + "' (expected cumulative, self, calls or name)");
        };
    }
}
