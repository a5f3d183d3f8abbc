package org.jhpc.profiler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What to record and report.
 *
 * @param samples      which samples measure time; null: CPU-time samples where the JVM has them (JDK 25, Linux),
 *                     else execution samples; {@link SampleKind#WALL} is {@code --mode wall}
 * @param sort         order of the by-method report
 * @param top          rows of the by-method and memory tables
 * @param hottest      methods in the by-line report when none is named and none is annotated
 * @param methods      method names for the by-line report and {@code --exact} ({@code pkg.Class.name},
 *                     {@code Class.name} or {@code name})
 * @param sourcepath   extra source roots, searched before the defaults
 * @param json         file for the JSON data, or null
 * @param jfr          file to keep the recording in, or null
 * @param collapsed    file for folded stacks, or null
 * @param out          file for the terminal reports instead of stdout, or null
 * @param exact        add exact calls, line hits and allocated bytes through the agent
 * @param reports      which terminal reports to print
 * @param allocationRate JFR's throttled allocation samples per second, used only without the agent (0: none)
 * @param heapInterval mean bytes between the agent's heap samples (0: no heap sampler)
 * @param periodMillis sampling period (per thread's CPU time, or of the wall clock)
 * @param stackDepth   deepest stack recorded (deeper ones are truncated, and the report says how many)
 * @param filter       {@code --include}/{@code --exclude}
 * @param duration     stop the target after this long (SIGTERM; its profile so far is reported), or null
 */
public record ProfileOptions(SampleKind samples, SortKey sort, int top, int hottest, List<String> methods,
                             List<Path> sourcepath, Path json, Path jfr, Path collapsed, Path out, boolean exact,
                             Set<Report> reports, int allocationRate, long heapInterval, double periodMillis,
                             int stackDepth, StackFilter filter, Duration duration) {

    /** The terminal reports. */
    public enum Report { METHODS, LINES, MEMORY, THREADS }

    public static final long DEFAULT_HEAP_INTERVAL = 256 * 1024;
    public static final int DEFAULT_STACK_DEPTH = 2048;

    public ProfileOptions {
        methods = List.copyOf(methods);
        sourcepath = List.copyOf(sourcepath);
        reports = reports.isEmpty() ? EnumSet.noneOf(Report.class) : EnumSet.copyOf(reports);
    }

    public static ProfileOptions defaults() {
        return new ProfileOptions(null, SortKey.CUMULATIVE, 25, 3, List.of(), List.of(), null, null, null, null, false,
                EnumSet.of(Report.METHODS, Report.LINES, Report.MEMORY), 150, DEFAULT_HEAP_INTERVAL, 1.0,
                DEFAULT_STACK_DEPTH, StackFilter.NONE, null);
    }

    /** The samples that time reports use in a recording made with these options. */
    public SampleKind kindFor(Recording r) {
        return samples != null ? samples : r.defaultKind();
    }

    /** Whether to ask JFR for CPU-time samples: by default where the JVM has them (JDK 25 or later on Linux). */
    public boolean recordsCpu() {
        return samples == SampleKind.CPU || samples == null && cpuTimeSamplerAvailable();
    }

    public boolean recordsExecution() {
        return samples == SampleKind.EXECUTION || samples == null && !cpuTimeSamplerAvailable();
    }

    /**
     * Whether this JVM has JFR's CPU-time sampler (JEP 509: JDK 25 or later, on Linux) and it is not switched off
     * ({@code -Djhpc.profile.cputime=off}); where it is not, {@code --samples auto} uses execution samples.
     */
    static boolean cpuTimeSamplerAvailable() {
        String setting = org.jhpc.core.Config.PROFILE_CPUTIME.value().toLowerCase(java.util.Locale.ROOT);
        if (!setting.equals("auto") && !org.jhpc.core.Config.PROFILE_CPUTIME.isOn()) return false;
        return Runtime.version().feature() >= 25 && System.getProperty("os.name", "").startsWith("Linux");
    }

    public ProfileOptions withMethods(List<String> m) {
        return new ProfileOptions(samples, sort, top, hottest, m, sourcepath, json, jfr, collapsed, out, exact, reports,
                allocationRate, heapInterval, periodMillis, stackDepth, filter, duration);
    }

    public ProfileOptions withExact(boolean e) {
        return new ProfileOptions(samples, sort, top, hottest, methods, sourcepath, json, jfr, collapsed, out, e,
                reports, allocationRate, heapInterval, periodMillis, stackDepth, filter, duration);
    }

    public ProfileOptions withOutputs(Path jsonFile, Path jfrFile, Path collapsedFile) {
        return new ProfileOptions(samples, sort, top, hottest, methods, sourcepath, jsonFile, jfrFile, collapsedFile,
                out, exact, reports, allocationRate, heapInterval, periodMillis, stackDepth, filter, duration);
    }

    public ProfileOptions withSamples(SampleKind k) {
        return new ProfileOptions(k, sort, top, hottest, methods, sourcepath, json, jfr, collapsed, out, exact,
                reports, allocationRate, heapInterval, periodMillis, stackDepth, filter, duration);
    }

    public ProfileOptions withSampling(double period, int depth, long heapBytes) {
        return new ProfileOptions(samples, sort, top, hottest, methods, sourcepath, json, jfr, collapsed, out, exact,
                reports, allocationRate, heapBytes, period, depth, filter, duration);
    }

    public ProfileOptions withDuration(Duration d) {
        return new ProfileOptions(samples, sort, top, hottest, methods, sourcepath, json, jfr, collapsed, out, exact,
                reports, allocationRate, heapInterval, periodMillis, stackDepth, filter, d);
    }

    public ProfileOptions withFilter(StackFilter f) {
        return new ProfileOptions(samples, sort, top, hottest, methods, sourcepath, json, jfr, collapsed, out, exact,
                reports, allocationRate, heapInterval, periodMillis, stackDepth, f, duration);
    }
}
