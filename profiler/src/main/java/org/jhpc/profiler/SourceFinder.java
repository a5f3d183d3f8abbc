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
 * {@code --sourcepath} roots first, then those of the {@link ProfilerConfig}). When the guessed file is not found,
 * the class file's {@code SourceFile} attribute names the file (a class defined in a file of another name).
 */
public final class SourceFinder {
    private final List<Path> roots;
    private final Map<String, List<String>> cache = new HashMap<>();
    private ClassIndex classes;

    /** Uses the class files' {@code SourceFile} attributes when the file named after the class is not found. */
    public SourceFinder withClasses(ClassIndex index) {
        this.classes = index;
        return this;
    }

    /**
     * The source file of a class, relative to a source root: {@code pkg/Outer.java} when a root has it, else the
     * file its class file's {@code SourceFile} attribute names (when that one is found), else {@code pkg/Outer.java}.
     */
    public String fileFor(String className) {
        String guess = Frame.sourceFileOf(className);
        if (locate(guess) != null || classes == null) return guess;
        String named = classes.sourceFile(className);
        return named != null && locate(named) != null ? named : guess;
    }

    public SourceFinder(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The given roots followed by the default ones. */
    public static SourceFinder withDefaults(List<Path> given, List<Path> defaults) {
        List<Path> roots = new ArrayList<>(given);
        roots.addAll(defaults);
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
