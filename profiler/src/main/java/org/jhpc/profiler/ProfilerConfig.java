package org.jhpc.profiler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the profiler's caller tells it about the programs it runs, so that the profiler itself knows nothing of any
 * one application: how to run an application command ({@code -- diff2d --set dx=0.5}: a target whose first word is
 * not a JVM option), where source files live, and where the agent jar is.
 *
 * @param appMain       main class of application commands, or null: such targets are then refused
 * @param appClasspath  their classpath
 * @param appJvmFlags   their JVM flags (put before {@code -cp})
 * @param appLabel      how report headers name them ({@code "jhpc"})
 * @param sourceRoots   source roots searched after {@code --sourcepath}
 * @param agentJar      the profiler agent's jar (heap sampler, {@code --exact}), or null: no agent features
 * @param appRunner     runs an application command in this JVM (its words; returns its exit code), or null: such
 *                      commands then always run in a child JVM (see {@link InProcess} for when this one is used)
 */
public record ProfilerConfig(String appMain, String appClasspath, List<String> appJvmFlags, String appLabel,
                             List<Path> sourceRoots, Path agentJar, AppRunner appRunner) {
    public ProfilerConfig {
        appJvmFlags = List.copyOf(appJvmFlags);
        sourceRoots = List.copyOf(sourceRoots);
    }

    public ProfilerConfig(String appMain, String appClasspath, List<String> appJvmFlags, String appLabel,
                          List<Path> sourceRoots, Path agentJar) {
        this(appMain, appClasspath, appJvmFlags, appLabel, sourceRoots, agentJar, null);
    }

    /** An application command run in the profiler's own JVM. */
    @FunctionalInterface
    public interface AppRunner {
        /** Runs the command ({@code words} as after {@code --}) to its end; returns its exit code. */
        int run(List<String> words);
    }

    /** The source roots of a project in the working directory: {@code src/main/java}, {@code src/test/java}, {@code src}, {@code .}. */
    public static List<Path> workingDirectoryRoots() {
        return List.of(Path.of("src", "main", "java"), Path.of("src", "test", "java"), Path.of("src"), Path.of("."));
    }

    /** No application commands, the working directory's source roots, the given agent jar (or null). */
    public static ProfilerConfig plain(Path agentJar) {
        return new ProfilerConfig(null, null, List.of(), null, workingDirectoryRoots(), agentJar);
    }

    /** The agent jar, or a one-line error naming the feature that needs it. */
    public Path requireAgent(String feature) {
        if (agentJar == null || !Files.isRegularFile(agentJar)) {
            throw new org.jhpc.core.UserError(feature + " needs the profiler agent's jar, which was not found"
                    + (agentJar == null ? "" : " at " + agentJar) + " (build it with: mvn -pl profiler-agent package)");
        }
        return agentJar;
    }
}
