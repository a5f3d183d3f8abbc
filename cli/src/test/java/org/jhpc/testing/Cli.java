package org.jhpc.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.jhpc.cli.Main;

/** Runs the jhpc command line in-process or in a child JVM ({@link ChildProcess}), capturing exit code and output. */
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

    /** The command line that starts jhpc's Main in a child JVM with this JVM's classpath and jhpc's flags. */
    public static List<String> javaCommand(List<String> jvmArgs, String... args) {
        return ChildProcess.java(jvmArgs, Main.class.getName(), args);
    }

    /** jhpc in a child JVM with these environment changes (a null value removes a variable), within 120 s. */
    public static Result runJvm(Map<String, String> env, List<String> jvmArgs, String... args) {
        return run(javaCommand(jvmArgs, args), env);
    }

    /** Any command line, as a child process, within 120 s (killed with its tree and failing the test after). */
    public static Result run(List<String> command, Map<String, String> env) {
        ChildProcess.Result r = ChildProcess.of(command).env(env).timeout(120).run();
        return new Result(r.exit(), r.out(), r.err());
    }
}
