package org.jhpc.profiler;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jhpc.core.Config;
import org.jhpc.core.UserError;

/**
 * The program to profile, from the words after {@code --}: {@code [JVM options] -cp CLASSPATH MainClass [args]},
 * {@code [JVM options] -jar app.jar [args]}, or an application command ({@code diff2d --set dx=0.5}), which runs the
 * main class, classpath and JVM flags that the {@link ProfilerConfig} names.
 *
 * @param javaArgs  everything to put after the child's {@code java} and the profiler's own flags
 * @param classpath the classpath entries, where the profiler looks for class files ({@code @Profile}, line ranges)
 * @param label     a short description for report headers
 * @param appArgs   for an application command, its words ({@code diff2d --set dx=0.5}); null otherwise
 */
public record Target(List<String> javaArgs, List<Path> classpath, String label, List<String> appArgs) {
    public Target(List<String> javaArgs, List<Path> classpath, String label) {
        this(javaArgs, classpath, label, null);
    }

    /** JVM options that take their value as the next word. */
    private static final Set<String> WITH_VALUE = Set.of("--add-modules", "--add-opens", "--add-exports",
            "--add-reads", "--enable-native-access", "--module-path", "-p", "--upgrade-module-path",
            "--limit-modules");

    public static Target parse(List<String> words, ProfilerConfig config) {
        if (words.isEmpty()) {
            throw new UserError("no target: give '-- -cp CLASSPATH MainClass [args]', '-- -jar app.jar [args]'"
                    + (config.appMain() == null ? "" : " or a " + config.appLabel() + " command such as '-- diff2d'"));
        }
        if (!words.getFirst().startsWith("-")) {
            if (config.appMain() != null) return app(words, config);
            throw new UserError("target needs -cp CLASSPATH MainClass or -jar FILE, found '" + words.getFirst() + "'");
        }
        List<String> args = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            String w = words.get(i);
            switch (w) {
                case "-cp", "-classpath", "--class-path" -> {
                    if (i + 1 >= words.size()) throw new UserError(w + " needs a classpath");
                    if (i + 2 >= words.size()) throw new UserError("no main class after '" + w + " " + words.get(i + 1) + "'");
                    String cp = words.get(i + 1);
                    String main = words.get(i + 2);
                    args.add("-cp");
                    args.add(cp);
                    args.addAll(words.subList(i + 2, words.size()));
                    return new Target(args, entries(cp), main);
                }
                case "-jar" -> {
                    if (i + 1 >= words.size()) throw new UserError("-jar needs a jar file");
                    Path jar = Path.of(words.get(i + 1));
                    if (!Files.isRegularFile(jar)) throw new UserError("no such jar file: " + jar);
                    args.addAll(words.subList(i, words.size()));
                    return new Target(args, List.of(jar), "-jar " + jar.getFileName());
                }
                default -> {
                    if (!w.startsWith("-")) {
                        throw new UserError("target needs -cp CLASSPATH MainClass or -jar FILE after the JVM options, "
                                + "found '" + w + "'");
                    }
                    args.add(w);
                    if (WITH_VALUE.contains(w) && i + 1 < words.size()) args.add(words.get(++i));
                    i++;
                }
            }
        }
        throw new UserError("target has JVM options but no -cp CLASSPATH MainClass or -jar FILE");
    }

    /** An application command: the config's main class with its classpath and JVM flags. */
    static Target app(List<String> words, ProfilerConfig config) {
        List<String> args = new ArrayList<>(config.appJvmFlags());
        args.add("-cp");
        args.add(config.appClasspath());
        args.add(config.appMain());
        args.addAll(words);
        return new Target(args, entries(config.appClasspath()), config.appLabel() + " " + String.join(" ", words),
                List.copyOf(words));
    }

    static List<Path> entries(String cp) {
        List<Path> out = new ArrayList<>();
        for (String s : cp.split(File.pathSeparator)) {
            if (!s.isEmpty()) out.add(Path.of(s));
        }
        return out;
    }
}
