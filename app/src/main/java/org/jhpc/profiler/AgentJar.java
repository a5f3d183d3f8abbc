package org.jhpc.profiler;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import org.jhpc.core.UserError;

/**
 * Finds the exact-count agent's jar, which Maven builds into {@code app/target/agent/} (the jar plugin's
 * {@code agent-jar} execution, in the compile phase, so that {@code ./jhpc}'s build makes it): the
 * {@code jhpc.profiler.agent} system property if set, else {@code ../agent/*-agent.jar} beside the directory or
 * jar this class came from, else {@code <jhpc.root>/app/target/agent/}.
 */
public final class AgentJar {
    private AgentJar() {}

    public static Path find() {
        String prop = System.getProperty("jhpc.profiler.agent");
        if (prop != null) {
            Path p = Path.of(prop);
            if (Files.isRegularFile(p)) return p;
            throw new UserError("-Djhpc.profiler.agent=" + prop + ": no such file");
        }
        List<Path> dirs = new ArrayList<>();
        CodeSource cs = AgentJar.class.getProtectionDomain().getCodeSource();
        if (cs != null && cs.getLocation() != null) {
            try {
                Path here = Path.of(cs.getLocation().toURI());
                if (here.getParent() != null) dirs.add(here.getParent().resolve("agent"));
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not a file location: try the next place
            }
        }
        String root = System.getProperty("jhpc.root");
        if (root != null) dirs.add(Path.of(root, "app", "target", "agent"));
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            try (DirectoryStream<Path> s = Files.newDirectoryStream(d, "*-agent.jar")) {
                for (Path p : s) return p;
            } catch (IOException e) {
                // try the next place
            }
        }
        throw new UserError("--exact: the agent jar was not found in " + dirs
                + " (build it with: mvn -pl app -am compile)");
    }
}
