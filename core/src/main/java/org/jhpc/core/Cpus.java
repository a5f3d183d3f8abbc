package org.jhpc.core;

/**
 * How many threads a run should use by default. Like the tutorial's multiprocessing examples this honours the
 * Slurm allocation ({@code SLURM_CPUS_PER_TASK}, else {@code SLURM_NPROCS}); the JVM's own count already follows
 * the process's CPU affinity mask and cgroup quota. The smaller of the two wins.
 */
public final class Cpus {
    private Cpus() {}

    public static int defaultThreads() {
        int jvm = Runtime.getRuntime().availableProcessors();
        Integer slurm = positiveInt(System.getenv("SLURM_CPUS_PER_TASK"));
        if (slurm == null) slurm = positiveInt(System.getenv("SLURM_NPROCS"));
        return slurm == null ? jvm : Math.max(1, Math.min(jvm, slurm));
    }

    /**
     * Whether this machine is already busy: its 1-minute load average (runnable tasks, {@code /proc/loadavg}) is at
     * least its processor count, so that a second thread of ours would wait for a core at every barrier. False where
     * the load average cannot be read.
     */
    public static boolean busy() {
        try {
            String s = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"));
            return Double.parseDouble(s.substring(0, s.indexOf(' '))) >= Runtime.getRuntime().availableProcessors();
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static Integer positiveInt(String s) {
        if (s == null) return null;
        try {
            int v = Integer.parseInt(s.trim());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
