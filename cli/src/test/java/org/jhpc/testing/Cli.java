package org.jhpc.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jhpc.cli.Main;

/** Runs the jhpc command line in-process or in a child JVM, capturing exit code, stdout and stderr. */
public final class Cli {
    private Cli() {}

    public record Result(int code, String out, String err) {
        public List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The command line to start jhpc's Main in a child JVM with this JVM's classpath and jhpc's flags. */
    public static List<String> javaCommand(List<String> jvmArgs, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs jhpc in a child JVM with a deadline that really fires (killed with its process tree, test failed). */
    public static Result runJvm(Map<String, String> env, List<String> jvmArgs, String... args) {
        ChildProcess.Result r = ChildProcess.of(javaCommand(jvmArgs, args)).env(env).timeout(120).run();
        return new Result(r.exit(), r.out(), r.err());
    }
}
