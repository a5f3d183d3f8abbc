package org.jhpc.benchmark;

import java.util.List;
import java.util.Map;

/**
 * Everything one {@code jhpc bench} run measured.
 *
 * @param provenance where and how
 * @param machine    the machine
 * @param triad      the harness's own bandwidth measurements
 * @param workloads  one entry per workload run
 */
public record Results(Provenance provenance, Machine machine, List<Triad.Result> triad, List<WorkloadResult> workloads) {
    /**
     * One workload's rows, runs and summaries.
     *
     * @param skipped row id to the one-line reason it did not run
     */
    public record WorkloadResult(Workload workload, List<Case> cases, List<Row> rows, Map<String, String> skipped,
            List<Measurement> measurements, List<Summary> summaries) {
        public Summary summary(String rowId, Case c) {
            for (Summary s : summaries) if (s.row().id().equals(rowId) && s.c().equals(c)) return s;
            return null;
        }
    }
}
