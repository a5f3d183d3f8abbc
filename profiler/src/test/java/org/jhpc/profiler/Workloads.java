package org.jhpc.profiler;

import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jhpc.profiler.workloads.TimeSplit;

/** Runs the test workloads under the profiler, as a -cp target over the test and main class directories. */
final class Workloads {
    private Workloads() {}

    static String classpath() {
        return location(TimeSplit.class) + File.pathSeparator + location(Profile.class);
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The target {@code -cp <test and main classes> org.jhpc.profiler.workloads.<name> args}. */
    static Target target(String name, String... args) {
        List<String> w = new ArrayList<>(List.of("-cp", classpath(), "org.jhpc.profiler.workloads." + name));
        w.addAll(List.of(args));
        return Target.parse(w);
    }

    /** A profiled run whose stdout lands in {@code stdout} (stderr is inherited). */
    static Profiler.Run run(ProfileOptions o, Target t, Path stdout) {
        return Profiler.run(o, t, Redirect.to(stdout.toFile()), Redirect.INHERIT);
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
