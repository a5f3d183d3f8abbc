package org.jhpc.tutorial.exercise;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One student's Java file, compiled with the JDK's compiler ({@code javax.tools}) into a temporary directory and
 * run in a child JVM (under {@code mpirun -np R} when asked), with jhpc's jars on the class path and the Vector API
 * module added, as {@code /usr/bin/time java ...} would: the time reported is the child's wall time (JVM start-up
 * included, compilation excluded). A child that outlives its deadline is killed with its process tree.
 */
public final class JavaProgram implements AutoCloseable {
    /**
     * What a run did.
     *
     * @param exit    the exit code (−1: killed at the deadline)
     * @param out     standard output
     * @param err     standard error
     * @param seconds wall time
     */
    public record Run(int exit, String out, String err, double seconds) {}

    /** A file that does not compile, with the compiler's first error as one line. */
    public static final class CompileError extends Exception {
        CompileError(String message) {
            super(message, null, false, false);
        }
    }

    private final Path source;
    private final String className;
    private final Path classes;
    private final String classpath;

    private JavaProgram(Path source, String className, Path classes, String classpath) {
        this.source = source;
        this.className = className;
        this.classes = classes;
        this.classpath = classpath;
    }

    /** Compiles {@code source} (its public class must be named after the file) against {@code classpath}. */
    public static JavaProgram compile(Path source, String classpath) throws CompileError {
        String name = source.getFileName().toString().replaceFirst("\\.java$", "");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new CompileError("this Java runtime has no compiler (javax.tools); use a JDK");
        Path dir;
        try {
            dir = Files.createTempDirectory("jhpc-exercise-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", dir.toString(), "-cp", classpath, "--add-modules",
                    "jdk.incubator.vector", "-proc:none", "-nowarn", "-Xlint:none", "-XDsuppressNotes");
            boolean ok = javac.getTask(null, files, diags, options, null, files.getJavaFileObjects(source)).call();
            if (!ok) {
                deleteTree(dir);
                Diagnostic<? extends JavaFileObject> first = diags.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).findFirst().orElse(null);
                throw new CompileError(source + " does not compile" + (first == null ? ""
                        : ": line " + first.getLineNumber() + ": " + first.getMessage(Locale.ROOT).lines().findFirst()
                                .orElse("")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(dir.resolve(name + ".class"))) {
            deleteTree(dir);
            throw new CompileError(source + " must declare a class named " + name + " (after the file name)");
        }
        return new JavaProgram(source, name, dir, classpath);
    }

    public Path source() {
        return source;
    }

    /** Runs the program's main with {@code args}, under {@code mpirun -np ranks} when ranks > 0. */
    public Run run(List<String> args, int ranks, long timeoutSeconds) {
        List<String> cmd = new ArrayList<>();
        if (ranks > 0) {
            cmd.add("mpirun");
            if ("root".equals(System.getProperty("user.name"))) cmd.add("--allow-run-as-root");
            cmd.addAll(List.of("--oversubscribe", "--bind-to", "none", "-np", Integer.toString(ranks)));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", classes + java.io.File.pathSeparator + classpath, className));
        cmd.addAll(args);
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            Thread o = drain(p.getInputStream(), out), e = drain(p.getErrorStream(), err);
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            o.join();
            e.join();
            return new Run(done ? p.exitValue() : -1, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8), seconds);
        } catch (IOException ex) {
            throw new UncheckedIOException("could not start " + cmd.get(0), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + source, ex);
        }
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream to) {
        return Thread.ofPlatform().daemon().start(() -> {
            try (in) {
                in.transferTo(to);
            } catch (IOException ignored) {
                // the child is gone
            }
        });
    }

    @Override
    public void close() {
        deleteTree(classes);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
