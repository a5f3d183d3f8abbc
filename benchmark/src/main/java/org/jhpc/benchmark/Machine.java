package org.jhpc.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the harness knows about the machine it measures on: the CPU model and core count (lscpu), the per-core
 * cache sizes (sysfs), and the load average (/proc/loadavg), read before every row.
 */
public record Machine(String cpu, int cores, long l1d, long l2, long l3) {
    /** A load average at or above this fraction of the cores marks a row's runs as taken on a busy machine. */
    public static final double BUSY_FRACTION = 0.5;

    public static Machine probe() {
        String lscpu = Proc.query(java.time.Duration.ofSeconds(20), "lscpu");
        String cpu = field(lscpu, "Model name").orElse(System.getProperty("os.arch"));
        int cores = Runtime.getRuntime().availableProcessors();
        return new Machine(cpu, cores, cache(1, "Data"), cache(2, "Unified"), cache(3, "Unified"));
    }

    static Optional<String> field(String lscpu, String name) {
        for (String line : lscpu.split("\\R")) {
            int c = line.indexOf(':');
            if (c > 0 && line.substring(0, c).strip().equals(name)) return Optional.of(line.substring(c + 1).strip());
        }
        return Optional.empty();
    }

    /** Size in bytes of cpu0's cache at {@code level} of {@code type}; 0 when the system does not say. */
    static long cache(int level, String type) {
        Path base = Path.of("/sys/devices/system/cpu/cpu0/cache");
        for (int i = 0; i < 8; i++) {
            Path idx = base.resolve("index" + i);
            try {
                if (!Files.isDirectory(idx)) continue;
                if (Integer.parseInt(Files.readString(idx.resolve("level")).strip()) != level) continue;
                if (!Files.readString(idx.resolve("type")).strip().equals(type)) continue;
                return parseSize(Files.readString(idx.resolve("size")).strip());
            } catch (IOException | RuntimeException e) {
                // not this index
            }
        }
        return 0;
    }

    static long parseSize(String s) {
        s = s.toUpperCase(Locale.ROOT);
        long mult = s.endsWith("K") ? 1024 : s.endsWith("M") ? 1024 * 1024 : 1;
        return Long.parseLong(s.replaceAll("[^0-9]", "")) * mult;
    }

    /** The 1-minute load average, or NaN where /proc/loadavg is missing. */
    public static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    public boolean busy(double load) {
        return load >= BUSY_FRACTION * cores;
    }

    public String caches() {
        return "L1d " + human(l1d) + ", L2 " + human(l2) + ", L3 " + human(l3) + " (per core or shared, as sysfs says)";
    }

    static String human(long bytes) {
        if (bytes <= 0) return "?";
        if (bytes >= 1 << 20) return (bytes >> 20) + " MiB";
        return (bytes >> 10) + " KiB";
    }
}
