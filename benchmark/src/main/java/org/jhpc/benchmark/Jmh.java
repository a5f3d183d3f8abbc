package org.jhpc.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JMH as a row source: the kernels' steady state (warmed-up JIT, in-process, compute only) from the bench module's
 * benchmarks, run in their own forked JVM with the launcher's flags. Needs the bench module built
 * ({@code mvn -pl bench -am -DskipTests package} writes bench/target/jmh.classpath).
 */
public final class Jmh {
    private Jmh() {}

    /** The JVM flags ./jhpc gives every jhpc JVM, plus JHPC_JAVA_OPTS when set. */
    public static String launcherFlags() {
        String extra = org.jhpc.core.Config.JAVA_OPTS.given();
        String opts = extra == null ? "" : extra.strip();
        return "JVM: --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC"
                + (opts.isEmpty() ? "" : " " + opts) + "; JIT: " + jitMode(opts) + "; JDK " + Runtime.version();
    }

    /** The JIT mode a JVM with these extra options runs in. */
    static String jitMode(String opts) {
        if (opts.contains("-Xint")) return "interpreter only";
        if (opts.contains("-XX:TieredStopAtLevel=1")) return "C1 only";
        if (opts.contains("-XX:-TieredCompilation")) return "C2 only (no tiers)";
        return "tiered C1+C2 (HotSpot default)";
    }

    /**
     * A JMH row: benchmark class {@code bench} with {@code params}; the harness runs it once per main case, with
     * as many measured iterations as warm runs (at least 3), and reads {@code jmh.json} from the run's directory.
     */
    public static Row row(Context ctx, String id, String label, String bench, Map<String, String> params, int threads) {
        return new Row(id, label, "Java (jhpc)", Row.Kind.JMH, threads, 1, false, true, false,
                "JMH 1.37, fork 1, 3 warm-up iterations of " + WARMUP_TIME + ", " + ITERATION_TIME + " iterations, " + bench + " " + params + "; " + launcherFlags(),
                (c, dir) -> invocation(ctx.options, bench, params, Math.max(3, ctx.options.runs()), dir.resolve("jmh.json")));
    }

    /** Why JMH rows cannot run, or null when they can. */
    static String unavailable(BenchOptions o) {
        if (!o.jmh()) return "skipped: JMH rows are not run with --quick";
        if (!Files.isRegularFile(classpathFile(o))) {
            return "skipped: JMH rows need the bench module built (mvn -pl bench -am -DskipTests package)";
        }
        return null;
    }

    static Path classpathFile(BenchOptions o) {
        return o.root().resolve("bench/target/jmh.classpath");
    }

    /**
     * Iteration times of the harness's JMH rows (the classes' own, up to JMH's default 10 s, are for bench/jmh.sh):
     * short enough that one row costs about 10 s at 3 iterations, long enough to hold several whole runs of a case.
     */
    static final String WARMUP_TIME = "1s", ITERATION_TIME = "2s";

    /** The command line of a JMH row, with {@code iterations} measured iterations after 3 warm-up ones. */
    static Invocation invocation(BenchOptions o, String bench, Map<String, String> params, int iterations, Path json) {
        String cp;
        try {
            cp = o.root().resolve("bench/target/classes") + ":" + Files.readString(classpathFile(o)).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> a = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-cp", cp,
                "org.openjdk.jmh.Main", bench, "-f", "1", "-wi", "3", "-w", WARMUP_TIME, "-i", String.valueOf(iterations), "-r", ITERATION_TIME,
                "-rf", "json", "-rff", json.toString()));
        params.forEach((k, v) -> a.addAll(List.of("-p", k + "=" + v)));
        return new Invocation(a, Map.of(), null);
    }

    private static final Pattern UNIT = Pattern.compile("\"scoreUnit\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern RAW = Pattern.compile("\"rawData\"\\s*:\\s*\\[\\s*\\[([^\\]]*)\\]");

    /** The measured iterations of a JMH JSON result, in seconds per operation. */
    static List<Double> seconds(String json) {
        Matcher u = UNIT.matcher(json);
        Matcher r = RAW.matcher(json);
        if (!u.find() || !r.find()) return List.of();
        double scale = switch (u.group(1).toLowerCase(Locale.ROOT)) {
            case "s/op" -> 1;
            case "ms/op" -> 1e-3;
            case "us/op" -> 1e-6;
            case "ns/op" -> 1e-9;
            default -> Double.NaN;
        };
        List<Double> out = new ArrayList<>();
        for (String s : r.group(1).split(",")) {
            double v = Parse.number(s);
            if (!Double.isNaN(v)) out.add(v * scale);
        }
        return out;
    }
}
