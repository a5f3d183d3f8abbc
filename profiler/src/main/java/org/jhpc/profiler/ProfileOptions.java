package org.jhpc.profiler;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What to record and report.
 *
 * @param samples    which samples measure time
 * @param sort       order of the by-method report
 * @param top        rows of the by-method and memory tables
 * @param hottest    methods in the by-line report when none is named and none is annotated
 * @param methods    method names for the by-line report and {@code --exact} ({@code pkg.Class.name},
 *                   {@code Class.name} or {@code name})
 * @param sourcepath extra source roots, searched before the defaults
 * @param json       file for the JSON data, or null
 * @param jfr        file to keep the recording in, or null
 * @param collapsed  file for folded stacks, or null
 * @param exact      add exact calls, line hits and allocated bytes through the agent
 * @param reports    which terminal reports to print
 * @param allocationRate throttled allocation samples per second (0: no allocation events at all)
 */
public record ProfileOptions(SampleKind samples, SortKey sort, int top, int hottest, List<String> methods,
                             List<Path> sourcepath, Path json, Path jfr, Path collapsed, boolean exact,
                             Set<Report> reports, int allocationRate) {

    /** The terminal reports. */
    public enum Report { METHODS, LINES, MEMORY }

    public static ProfileOptions defaults() {
        return new ProfileOptions(SampleKind.EXECUTION, SortKey.CUMULATIVE, 25, 3, List.of(), List.of(), null, null,
                null, false, EnumSet.allOf(Report.class), 150);
    }

    public ProfileOptions withMethods(List<String> m) {
        return new ProfileOptions(samples, sort, top, hottest, List.copyOf(m), sourcepath, json, jfr, collapsed, exact,
                reports, allocationRate);
    }

    public ProfileOptions withExact(boolean e) {
        return new ProfileOptions(samples, sort, top, hottest, methods, sourcepath, json, jfr, collapsed, e,
                reports, allocationRate);
    }

    public ProfileOptions withOutputs(Path jsonFile, Path jfrFile, Path collapsedFile) {
        return new ProfileOptions(samples, sort, top, hottest, methods, sourcepath, jsonFile, jfrFile, collapsedFile,
                exact, reports, allocationRate);
    }
}
