package org.jhpc.profiler;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.LineNumberInfo;
import java.lang.classfile.attribute.RuntimeVisibleAnnotationsAttribute;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The target's class files, read with {@code java.lang.classfile}: the line range of a method (from its line
 * number table, all overloads together) and the methods annotated with {@link Profile}.
 */
public final class ClassIndex {
    /** The annotation's descriptor as it appears in class files. */
    public static final String PROFILE_DESCRIPTOR = "Lorg/jhpc/profiler/Profile;";

    /** A method's source lines (those with code) and whether it carries {@link Profile}. */
    public record MethodInfo(TreeSet<Integer> lines, boolean annotated) {
        public int first() {
            return lines.isEmpty() ? -1 : lines.first();
        }

        public int last() {
            return lines.isEmpty() ? -1 : lines.last();
        }
    }

    private final List<Path> classpath;
    private final Map<String, Map<String, MethodInfo>> classes = new HashMap<>();

    public ClassIndex(List<Path> classpath) {
        this.classpath = List.copyOf(classpath);
    }

    /** What the class files say of {@code pkg.Class.name}, or null when its class file is not found. */
    public MethodInfo method(String method) {
        int dot = method.lastIndexOf('.');
        if (dot < 0) return null;
        Map<String, MethodInfo> c = classes.computeIfAbsent(method.substring(0, dot), this::load);
        return c == null ? null : c.get(method.substring(dot + 1));
    }

    private final Map<String, String> sourceFiles = new HashMap<>();

    /**
     * The source file of a class from its class file's {@code SourceFile} attribute, as a path relative to a source
     * root ({@code pkg/Other.java} for a class {@code pkg.Helper} defined in Other.java), or null when unknown.
     */
    public String sourceFile(String className) {
        return sourceFiles.computeIfAbsent(className, c -> {
            String outer = c.contains("$") ? c.substring(0, c.indexOf('$')) : c;
            byte[] b = bytes(outer.replace('.', '/') + ".class");
            if (b == null) return "";
            try {
                ClassModel cm = ClassFile.of().parse(b);
                return cm.findAttribute(Attributes.sourceFile()).map(a -> {
                    int dot = outer.lastIndexOf('.');
                    String dir = dot < 0 ? "" : outer.substring(0, dot).replace('.', '/') + "/";
                    return dir + a.sourceFile().stringValue();
                }).orElse("");
            } catch (IllegalArgumentException e) {
                return "";
            }
        }).transform(f -> f.isEmpty() ? null : f);
    }

    private Map<String, MethodInfo> load(String className) {
        byte[] bytes = bytes(className.replace('.', '/') + ".class");
        return bytes == null ? null : methods(bytes);
    }

    /** Method name -> info for one class file. */
    static Map<String, MethodInfo> methods(byte[] classBytes) {
        Map<String, MethodInfo> out = new HashMap<>();
        ClassModel cm;
        try {
            cm = ClassFile.of().parse(classBytes);
        } catch (IllegalArgumentException e) {
            return out;
        }
        for (MethodModel m : cm.methods()) {
            TreeSet<Integer> lines = new TreeSet<>();
            m.code().flatMap(c -> c.findAttribute(Attributes.lineNumberTable()))
                    .ifPresent(t -> t.lineNumbers().forEach((LineNumberInfo i) -> lines.add(i.lineNumber())));
            boolean annotated = m.findAttribute(Attributes.runtimeVisibleAnnotations())
                    .map(ClassIndex::hasProfile).orElse(false);
            String name = m.methodName().stringValue();
            MethodInfo old = out.get(name);
            if (old != null) {
                lines.addAll(old.lines());
                annotated |= old.annotated();
            }
            out.put(name, new MethodInfo(lines, annotated));
        }
        return out;
    }

    private static boolean hasProfile(RuntimeVisibleAnnotationsAttribute a) {
        return a.annotations().stream().anyMatch(x -> x.className().stringValue().equals(PROFILE_DESCRIPTOR));
    }

    /**
     * Those of {@code methods} ({@code pkg.Class.name}) that carry {@link Profile}: only their classes' files are
     * read, which is what a report on methods that ran needs (a whole-classpath scan, {@link #annotatedMethods},
     * read about 7 MB of jars for every jhpc run).
     */
    public List<String> annotatedAmong(java.util.Collection<String> methods) {
        List<String> out = new ArrayList<>();
        for (String m : methods) {
            if (Frame.isJdkClass(m)) continue;
            MethodInfo info = method(m);
            if (info != null && info.annotated()) out.add(m);
        }
        out.sort(null);
        return out;
    }

    /**
     * Every method annotated with {@link Profile} in the classpath's directories and jars (a class file is parsed
     * only if its bytes mention the annotation).
     */
    public List<String> annotatedMethods() {
        List<String> out = new ArrayList<>();
        byte[] needle = PROFILE_DESCRIPTOR.getBytes(StandardCharsets.UTF_8);
        for (Path entry : classpath) {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> s = Files.walk(entry)) {
                    for (Path p : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".class"))::iterator) {
                        byte[] b = Files.readAllBytes(p);
                        if (contains(b, needle)) collect(b, out);
                    }
                } catch (IOException | RuntimeException e) {
                    // an unreadable directory just contributes nothing
                }
            } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                try (ZipFile z = new ZipFile(entry.toFile())) {
                    Enumeration<? extends ZipEntry> en = z.entries();
                    while (en.hasMoreElements()) {
                        ZipEntry e = en.nextElement();
                        if (!e.getName().endsWith(".class")) continue;
                        try (InputStream in = z.getInputStream(e)) {
                            byte[] b = in.readAllBytes();
                            if (contains(b, needle)) collect(b, out);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // as above
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static void collect(byte[] b, List<String> out) {
        ClassModel cm;
        try {
            cm = ClassFile.of().parse(b);
        } catch (IllegalArgumentException e) {
            return;
        }
        String cls = cm.thisClass().asInternalName().replace('/', '.');
        methods(b).forEach((name, info) -> {
            if (info.annotated() && !out.contains(cls + "." + name)) out.add(cls + "." + name);
        });
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    /** The jars opened so far, each once (a ZipFile closes itself when it is no longer reachable). */
    private final Map<Path, ZipFile> jars = new HashMap<>();

    private ZipFile jar(Path entry) throws IOException {
        ZipFile z = jars.get(entry);
        if (z == null) {
            z = new ZipFile(entry.toFile());
            jars.put(entry, z);
        }
        return z;
    }

    private byte[] bytes(String resource) {
        for (Path entry : classpath) {
            try {
                if (Files.isDirectory(entry)) {
                    Path p = entry.resolve(resource);
                    if (Files.isRegularFile(p)) return Files.readAllBytes(p);
                } else if (Files.isRegularFile(entry)) {
                    ZipFile z = jar(entry);
                    ZipEntry e = z.getEntry(resource);
                    if (e != null) {
                        try (InputStream in = z.getInputStream(e)) {
                            return in.readAllBytes();
                        }
                    }
                }
            } catch (IOException e) {
                // try the next entry
            }
        }
        return null;
    }
}
