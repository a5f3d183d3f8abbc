package org.jhpc.profiler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jhpc.core.Config;

/**
 * Finds source lines: looks for {@code pkg/Outer.java} under each root of the source path in turn (the
 * {@code --sourcepath} roots first, then jhpc's own source trees, {@code <jhpc.root>/<module>/src/{main,test}/java},
 * then {@code src/main/java}, {@code src/test/java} and {@code src} under the working directory).
 */
public final class SourceFinder {
    private final List<Path> roots;
    private final Map<String, List<String>> cache = new HashMap<>();

    public SourceFinder(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The given roots followed by the default ones. */
    public static SourceFinder withDefaults(List<Path> given) {
        List<Path> roots = new ArrayList<>(given);
        String root = Config.ROOT.given();
        if (root != null) {
            for (String module : List.of("core", "expr", "mpi", "plot", "profiler", "diffusion", "auc", "cli", "bench")) {
                roots.add(Path.of(root, module, "src", "main", "java"));
                roots.add(Path.of(root, module, "src", "test", "java"));
            }
        }
        roots.add(Path.of("src", "main", "java"));
        roots.add(Path.of("src", "test", "java"));
        roots.add(Path.of("src"));
        roots.add(Path.of("."));
        return new SourceFinder(roots);
    }

    /** The file's lines, or null when no root has it. */
    public List<String> lines(String relativeFile) {
        return cache.computeIfAbsent(relativeFile, this::load);
    }

    /** One line's text (1-based), stripped of its line end, or null. */
    public String line(String relativeFile, int line) {
        List<String> l = lines(relativeFile);
        return l == null || line < 1 || line > l.size() ? null : l.get(line - 1);
    }

    /** Where the file was found, or null. */
    public Path locate(String relativeFile) {
        for (Path r : roots) {
            Path p = r.resolve(relativeFile);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    private List<String> load(String relativeFile) {
        Path p = locate(relativeFile);
        if (p == null) return null;
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            try {
                return Files.readAllLines(p, StandardCharsets.ISO_8859_1);
            } catch (IOException e2) {
                return null;
            }
        }
    }
}
