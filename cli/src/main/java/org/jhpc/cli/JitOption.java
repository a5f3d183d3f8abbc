package org.jhpc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jhpc.core.UserError;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --jit interp|c1|c2}, a picocli mixin: the JVM's counterpart of the slides' "pure Python vs Cython vs numba"
 * rows. HotSpot runs bytecode in an interpreter, then compiles hot methods with C1 (quick, lightly optimised) and
 * the hottest with C2 (slow to compile, fully optimised: inlining, loop unrolling, vectorisation). The mode is a
 * JVM start-up flag, so a run in another mode than this JVM's is re-executed in a child JVM with {@code -Xint}
 * (interpreter only), {@code -XX:TieredStopAtLevel=1} (C1 only) or neither (C2, the default), the same class path,
 * JVM options and arguments; its output and exit code become this command's.
 */
public final class JitOption {
    /** The three rungs. */
    enum Mode {
        INTERP("-Xint", "the bytecode interpreter only, no compiler"),
        C1("-XX:TieredStopAtLevel=1", "C1 only: quick compiles, few optimisations"),
        C2(null, "tiered: interpreter, then C1, then C2 for hot code");

        final String flag;
        final String what;

        Mode(String flag, String what) {
            this.flag = flag;
            this.what = what;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Mode parse(String text) {
            for (Mode m : values()) if (m.label().equalsIgnoreCase(text.strip())) return m;
            throw new UserError("unknown JIT mode '" + text + "'; choose interp, c1 or c2");
        }

        /** This JVM's mode, from its start-up flags. */
        static Mode current() {
            Mode m = C2;
            for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (a.equals("-Xint")) return INTERP;
                if (a.startsWith("-XX:TieredStopAtLevel=") && !a.endsWith("=4")) m = C1;
            }
            return m;
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--jit", paramLabel = "MODE", description = "interp (-Xint), c1 (-XX:TieredStopAtLevel=1) or c2 "
            + "(the full tiered pipeline): runs the command in a JVM of that mode; --timing adds the JIT's compile "
            + "time (default: this JVM's mode, c2 unless JHPC_JAVA_OPTS sets -Xint or -XX:TieredStopAtLevel)")
    String jit;

    /**
     * When {@code --jit} asks for another mode than this JVM's, runs the same command line in a child JVM of that
     * mode and returns its exit code; else returns null and the command runs here.
     */
    Integer reexecIfNeeded() {
        if (jit == null) return null;
        Mode want = Mode.parse(jit);
        if (want == Mode.current()) return null;
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.equals("-Xint") && !a.startsWith("-XX:TieredStopAtLevel=") && !a.startsWith("-agentlib:jdwp")) {
                cmd.add(a);
            }
        }
        if (want.flag != null) cmd.add(want.flag);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(mixee.commandLine().getParseResult().originalArgs());
        PrintWriter out = mixee.commandLine().getOut(), err = mixee.commandLine().getErr();
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            Thread killer = new Thread(p::destroyForcibly);
            Runtime.getRuntime().addShutdownHook(killer);
            Thread o = copy(p.getInputStream(), out, false), e = copy(p.getErrorStream(), err, true);
            int code = p.waitFor();
            o.join();
            e.join();
            Runtime.getRuntime().removeShutdownHook(killer);
            return code;
        } catch (IOException ex) {
            throw new UserError("--jit " + want.label() + ": could not start " + cmd.get(0) + ": " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the --jit child JVM", ex);
        }
    }

    /** Copies a child's stream to a writer on its own thread (dropping the JDK's incubator notice from stderr). */
    private static Thread copy(InputStream in, PrintWriter to, boolean stderr) {
        return Thread.ofPlatform().daemon().start(() -> {
            StringBuilder line = new StringBuilder();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                int c;
                while ((c = r.read()) >= 0) {
                    line.append((char) c);
                    if (c == '\n') {
                        String s = line.toString();
                        if (!(stderr && s.startsWith("WARNING: Using incubator modules:"))) to.print(s);
                        to.flush();
                        line.setLength(0);
                    }
                }
            } catch (IOException ignored) {
                // the child is gone; what it wrote has been copied
            }
            to.print(line);
            to.flush();
        });
    }

    /**
     * The {@code --timing} lines of the JIT: the mode, then the time the JVM's compilers have spent so far
     * ({@link CompilationMXBean#getTotalCompilationTime()}, summed over the compiler threads, which run beside the
     * program's own).
     */
    /** The {@code --timing} lines of the JIT: the mode, and the time its compilers spent so far. */
    List<String> lines() {
        Mode m = Mode.current();
        List<String> out = new ArrayList<>();
        out.add("jit=" + m.label() + " (" + m.what + ")");
        CompilationMXBean c = ManagementFactory.getCompilationMXBean();
        if (c == null || !c.isCompilationTimeMonitoringSupported()) {
            out.add("jit_compile_seconds=0 (no JIT compiler in this JVM)");
        } else {
            out.add(String.format(Locale.ROOT, "jit_compile_seconds=%.3f (CompilationMXBean: time the JIT compilers "
                    + "spent so far)", c.getTotalCompilationTime() * 1e-3));
        }
        return out;
    }
}
