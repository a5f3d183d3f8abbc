package org.jhpc.profiler;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jhpc.core.Config;
import org.jhpc.core.UserError;

/**
 * The program to profile, from the words after {@code --}: {@code [JVM options] -cp CLASSPATH MainClass [args]},
 * {@code [JVM options] -jar app.jar [args]}, or a jhpc command ({@code diff2d --set dx=0.5}), which runs jhpc's
 * own {@code org.jhpc.cli.Main} with this JVM's classpath and the launcher's JVM flags.
 *
 * @param javaArgs  everything to put after the child's {@code java} and the profiler's own flags
 * @param classpath the classpath entries, where the profiler looks for class files ({@code @Profile}, line ranges)
 * @param label     a short description for report headers
 */
public record Target(List<String> javaArgs, List<Path> classpath, String label) {
    /** JVM options that take their value as the next word. */
    private static final Set<String> WITH_VALUE = Set.of("--add-modules", "--add-opens", "--add-exports",
            "--add-reads", "--enable-native-access", "--module-path", "-p", "--upgrade-module-path",
            "--limit-modules");

    public static final String JHPC_MAIN = "org.jhpc.cli.Main";

    public static Target parse(List<String> words) {
        if (words.isEmpty()) {
            throw new UserError("no target: give '-- -cp CLASSPATH MainClass [args]', '-- -jar app.jar [args]' "
                    + "or a jhpc command such as '-- diff2d --set dx=0.5'");
        }
        if (!words.getFirst().startsWith("-")) return jhpc(words);
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

    /** A jhpc command, run by jhpc's own Main with this JVM's classpath and the launcher's flags. */
    static Target jhpc(List<String> words) {
        String cp = System.getProperty("java.class.path");
        List<String> args = new ArrayList<>(launcherFlags());
        args.add("-cp");
        args.add(cp);
        args.add(JHPC_MAIN);
        args.addAll(words);
        return new Target(args, entries(cp), "jhpc " + String.join(" ", words));
    }

    /**
     * The flags of this JVM that the ./jhpc launcher (or the test runner) gave it and that a jhpc child needs: the
     * module and native-access flags, the GC and JIT choices, heap and stack sizes, and -Djhpc.* properties.
     */
    static List<String> launcherFlags() {
        List<String> in = ManagementFactory.getRuntimeMXBean().getInputArguments();
        List<String> out = new ArrayList<>();
        boolean modules = false;
        for (int i = 0; i < in.size(); i++) {
            String a = in.get(i);
            if (a.equals("--add-modules") && i + 1 < in.size()) {
                out.add("--add-modules=" + in.get(++i));
                modules = true;
            } else if (a.startsWith("--add-modules=") || a.startsWith("--enable-native-access")) {
                out.add(a);
                modules |= a.startsWith("--add-modules=");
            } else if (a.startsWith("-XX:+Use") && a.endsWith("GC") || a.startsWith("-XX:TieredStopAtLevel")
                    || a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-Xss")
                    || a.startsWith("-Djhpc.")) {
                out.add(a);
            }
        }
        if (!modules) out.addAll(0, List.of("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
        if (Config.ROOT.given() != null && out.stream().noneMatch(a -> a.startsWith("-Djhpc.root="))) {
            out.add("-Djhpc.root=" + Config.ROOT.given());
        }
        return out;
    }

    static List<Path> entries(String cp) {
        List<Path> out = new ArrayList<>();
        for (String s : cp.split(File.pathSeparator)) {
            if (!s.isEmpty()) out.add(Path.of(s));
        }
        return out;
    }
}
