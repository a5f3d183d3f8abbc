package org.jhpc.benchmark;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where and how a result set was measured: git SHA (and whether the tree had uncommitted changes), JDK and JVM
 * flags, CPU, cores, caches, compilers and Python packages with their versions, date, load at start, and the
 * command. Every CSV line carries it, and the Markdown file starts with it.
 */
public record Provenance(Map<String, String> fields) {
    public static Provenance collect(BenchOptions o, Machine m, Toolchain tools, List<String> commandLine) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        f.put("git_sha", gitSha(o.root()));
        f.put("jdk", System.getProperty("java.vm.name") + " " + Runtime.version() + " (" + System.getProperty("java.home") + ")");
        f.put("jvm_flags", Jmh.launcherFlags());
        f.put("cpu", m.cpu());
        f.put("cores", String.valueOf(m.cores()));
        f.put("caches", m.caches());
        tools.versions().forEach((k, v) -> f.put(k, v));
        f.put("load_at_start", String.valueOf(Machine.load()));
        f.put("command", "jhpc bench " + String.join(" ", commandLine));
        return new Provenance(f);
    }

    static String gitSha(Path root) {
        String sha = Proc.firstLine("git", "-C", root.toString(), "rev-parse", "HEAD");
        if (sha.isEmpty()) return "unknown";
        String dirty = Proc.query(java.time.Duration.ofSeconds(30), "git", "-C", root.toString(), "status", "--porcelain",
                "--untracked-files=no");
        return sha + (dirty.isBlank() ? "" : " (with uncommitted changes)");
    }

    public String shortSha() {
        String s = fields.getOrDefault("git_sha", "unknown");
        return s.length() >= 7 ? s.substring(0, 7) : s;
    }

    public String get(String k) {
        return fields.getOrDefault(k, "");
    }
}
