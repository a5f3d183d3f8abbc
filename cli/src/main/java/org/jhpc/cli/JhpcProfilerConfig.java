package org.jhpc.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jhpc.profiler.ProfilerConfig;

/**
 * What {@code jhpc profile} tells the (application-neutral) profiler about jhpc: a target such as
 * {@code -- diff2d --set dx=0.5} runs {@link Main} with this JVM's classpath and the launcher's JVM flags; jhpc's
 * module source trees ({@code <jhpc.root>/<module>/src/{main,test}/java}) come after {@code --sourcepath}; the agent
 * is the profiler-agent module's jar: {@code -Djhpc.profiler.agent=JAR}, else the jar on this JVM's classpath, else
 * {@code <jhpc.root>/profiler-agent/target/jhpc-profiler-agent-*.jar}.
 */
public final class JhpcProfilerConfig {
    private static final List<String> MODULES = List.of("core", "expr", "mpi", "plot", "profiler", "diffusion", "auc",
            "cli", "bench");

    private JhpcProfilerConfig() {}

    public static ProfilerConfig get() {
        List<Path> roots = new ArrayList<>();
        String root = org.jhpc.core.Config.ROOT.given();
        if (root != null) {
            for (String m : MODULES) {
                roots.add(Path.of(root, m, "src", "main", "java"));
                roots.add(Path.of(root, m, "src", "test", "java"));
            }
        }
        roots.addAll(ProfilerConfig.workingDirectoryRoots());
        return new ProfilerConfig(Main.class.getName(), System.getProperty("java.class.path"), launcherFlags(), "jhpc",
                roots, agentJar(), JhpcProfilerConfig::runHere);
    }

    /** A jhpc command in this JVM, as {@link Main#main} runs it (without the exit). */
    private static int runHere(List<String> words) {
        if (!words.isEmpty() && words.getFirst().equals("diff2d")) org.jhpc.diffusion.Warmup.start();
        return Main.execute(new java.io.PrintWriter(System.out, false), new java.io.PrintWriter(System.err, true),
                words.toArray(String[]::new));
    }

    /** The agent jar, or null when none is found (features that need it then fail with one line). */
    static Path agentJar() {
        String prop = org.jhpc.core.Config.PROFILER_AGENT.given();
        if (prop != null) return Path.of(prop);
        for (String e : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(e);
            if (p.getFileName() != null && p.getFileName().toString().matches("jhpc-profiler-agent-.*\\.jar")
                    && Files.isRegularFile(p)) {
                return p;
            }
        }
        try {
            Class<?> agent = Class.forName("org.jhpc.profiler.agent.ExactAgent", false, JhpcProfilerConfig.class.getClassLoader());
            Path p = Path.of(agent.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(p)) return p;
        } catch (ClassNotFoundException | URISyntaxException | RuntimeException e) {
            // not on the classpath: look in the build tree
        }
        String root = org.jhpc.core.Config.ROOT.given();
        if (root == null) return null;
        Path dir = Path.of(root, "profiler-agent", "target");
        if (!Files.isDirectory(dir)) return null;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "jhpc-profiler-agent-*.jar")) {
            for (Path p : s) return p;
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /**
     * The flags of this JVM that the ./jhpc launcher (or the test runner) gave it and that a jhpc child needs: the
     * module and native-access flags, the GC and JIT choices, heap and stack sizes, and -Djhpc.* properties.
     */
    static List<String> launcherFlags() {
        List<String> in = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> out = new ArrayList<>();
        boolean modules = false;
        for (int i = 0; i < in.size(); i++) {
            String a = in.get(i);
            if (a.equals("--add-modules") && i + 1 < in.size()) {
                out.add("--add-modules=" + in.get(++i));
                modules = true;
            } else if (a.startsWith("--add-modules=") || a.startsWith("--enable-native-access")) {
                out.add(a);
                modules |= a.startsWith("--add-modules=");
            } else if (a.startsWith("-XX:+Use") && a.endsWith("GC") || a.startsWith("-XX:TieredStopAtLevel")
                    || a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-Xss")
                    || a.startsWith("-Djhpc.")) {
                out.add(a);
            }
        }
        if (!modules) out.addAll(0, List.of("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
        if (org.jhpc.core.Config.ROOT.given() != null && out.stream().noneMatch(a -> a.startsWith("-Djhpc.root="))) {
            out.add("-Djhpc.root=" + org.jhpc.core.Config.ROOT.given());
        }
        return out;
    }
}
