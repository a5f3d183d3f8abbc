package org.jhpc.profiler;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jhpc.core.Config;
import org.jhpc.core.UserError;

/**
 * Finds the exact-count agent's jar, the product of the {@code profiler-agent} module: the
 * {@code jhpc.profiler.agent} system property if set, else the {@code jhpc-profiler-agent-*.jar} on this JVM's
 * classpath, else the one in {@code <jhpc.root>/profiler-agent/target/}.
 */
public final class AgentJar {
    private AgentJar() {}

    private static final String JAR = "jhpc-profiler-agent-.*\\.jar";

    public static Path find() {
        String prop = Config.PROFILER_AGENT.given();
        if (prop != null) {
            Path p = Path.of(prop);
            if (Files.isRegularFile(p)) return p;
            throw new UserError("-Djhpc.profiler.agent=" + prop + ": no such file");
        }
        List<Path> dirs = new ArrayList<>();
        for (String e : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(e);
            if (p.getFileName() != null && p.getFileName().toString().matches(JAR) && Files.isRegularFile(p)) return p;
        }
        String root = Config.ROOT.given();
        if (root != null) dirs.add(Path.of(root, "profiler-agent", "target"));
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            try (DirectoryStream<Path> s = Files.newDirectoryStream(d, "jhpc-profiler-agent-*.jar")) {
                for (Path p : s) return p;
            } catch (IOException e) {
                // try the next place
            }
        }
        throw new UserError("--exact: the agent jar was not found in " + dirs
                + " (build it with: mvn -pl profiler-agent package)");
    }
}
