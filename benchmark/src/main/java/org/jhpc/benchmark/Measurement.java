package org.jhpc.benchmark;

/**
 * One run of one row on one case: a line of the CSV.
 *
 * @param row          the row
 * @param c            the case
 * @param run          0 for the cold (first) run, 1..N for the warm runs
 * @param wall         whole-process wall seconds (NaN for JMH rows, which time in-process only)
 * @param compute      the program's own timer of its compute loop, seconds (ping-pong: one-way latency)
 * @param load         1-minute load average just before the run
 * @param busy         that load was at or above half the cores
 * @param answer       agreement with the reference
 * @param failure      why the run failed (null: it did not)
 * @param kernel       jhpc's kernel= line, or the JMH iteration, when there is one
 * @param extra        what else the run printed that the reports use (bandwidth_gbs), key=value pairs
 */
public record Measurement(Row row, Case c, int run, double wall, double compute, double load, boolean busy, Answer answer,
        String failure, String kernel, java.util.Map<String, String> extra) {
    public boolean cold() {
        return run == 0;
    }

    public boolean ok() {
        return failure == null;
    }
}
