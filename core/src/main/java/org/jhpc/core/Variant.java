package org.jhpc.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ladder of implementations the tutorial climbs, one vocabulary for every workload, CLI value, JMH parameter
 * and result column: pure Python lists → index loops → one fused sweep over a flat array → SIMD → threads →
 * an expression engine (numexpr) → MPI ranks. A workload supports a subset (see {@code supports}).
 */
public enum Variant {
    LISTS("boxed nested lists: the pure-Python analogue"),
    LOOPS("double[][] and the tutorial's index loops"),
    FLAT("one flat array, one fused sweep"),
    SIMD("jdk.incubator.vector kernel (scalar fallback when unavailable)"),
    THREADS("the simd kernel over row bands on N threads"),
    EXPR("the expression engine over array views (numexpr)"),
    MPI("ranks of an Open MPI job (launch with mpirun)");

    private final String description;

    Variant(String description) {
        this.description = description;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public static Variant parse(String s) {
        for (Variant v : values()) {
            if (v.cliName().equals(s)) return v;
        }
        throw new UserError("unknown variant '" + s + "' (expected one of: " + names(values()) + ")");
    }

    public static String names(Variant... vs) {
        return Arrays.stream(vs).map(Variant::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return cliName();
    }
}
