package org.jhpc.profiler;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.jhpc.profiler.workloads.TimeSplit;

/**
 * Runs the test workloads under the profiler, as a -cp target over the test and main class directories. Every
 * run goes through the profiler's own runner with a deadline ({@link #DEADLINE}): a workload that hangs is
 * stopped, and the test fails on what it then finds.
 */
final class Workloads {
    static final java.time.Duration DEADLINE = java.time.Duration.ofSeconds(120);
    private static Path agent;

    private Workloads() {}

    static String classpath() {
        return location(TimeSplit.class) + File.pathSeparator + location(Profile.class);
    }

    private static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The agent's jar: the profiler-agent module's jar when the test classpath has it, else (a reactor build
     * before {@code package}) its classes packed into a jar with the same Premain-Class.
     */
    static synchronized Path agentJar() {
        if (agent != null) return agent;
        Path where = location(org.jhpc.profiler.agent.ExactAgent.class);
        if (Files.isRegularFile(where)) return agent = where;
        try {
            Path jar = Files.createTempFile("jhpc-profiler-agent-test", ".jar");
            jar.toFile().deleteOnExit();
            Manifest mf = new Manifest();
            mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            mf.getMainAttributes().put(new Attributes.Name("Premain-Class"), "org.jhpc.profiler.agent.ExactAgent");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf);
                 Stream<Path> files = Files.walk(where)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(where.relativize(p).toString().replace(File.separatorChar, '/')));
                    Files.copy(p, out);
                }
            }
            return agent = jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProfilerConfig config() {
        return ProfilerConfig.plain(agentJar());
    }

    /** The target {@code -cp <test and main classes> org.jhpc.profiler.workloads.<name> args}. */
    static Target target(String name, String... args) {
        List<String> w = new ArrayList<>(List.of("-cp", classpath(), "org.jhpc.profiler.workloads." + name));
        w.addAll(List.of(args));
        return Target.parse(w, config());
    }

    /** A profiled run whose stdout lands in {@code stdout} (stderr is inherited), stopped at the deadline. */
    static Profiler.Run run(ProfileOptions o, Target t, Path stdout) {
        Profiler.Run r = Profiler.run(o.duration() == null ? o.withDuration(DEADLINE) : o, t, config(),
                Redirect.to(stdout.toFile()), Redirect.INHERIT);
        if ("deadline".equals(r.stoppedBy()) && o.duration() == null) {
            throw new AssertionError(t.label() + " did not end within " + DEADLINE + " and was stopped");
        }
        return r;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
