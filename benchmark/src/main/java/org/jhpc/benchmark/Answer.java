package org.jhpc.benchmark;

/**
 * Whether a run's answer agrees with the workload's reference.
 *
 * @param agrees true, false, or null when the workload has no answer to check (a ping-pong)
 * @param detail what was compared, or how it differs
 * @param value  the answer's number where it has one (auc's area), else NaN
 */
public record Answer(Boolean agrees, String detail, double value) {
    public static Answer yes(String detail) {
        return new Answer(true, detail, Double.NaN);
    }

    public static Answer no(String detail) {
        return new Answer(false, detail, Double.NaN);
    }

    public static Answer none(String detail) {
        return new Answer(null, detail, Double.NaN);
    }

    public String cell() {
        return agrees == null ? "n/a" : agrees ? "yes" : "**NO**";
    }
}
