package org.jhpc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * The top-level answers that need no model of the commands: {@code jhpc}, {@code jhpc --help} ({@code -h},
 * {@code help}) and {@code jhpc --version} ({@code -V}). To print the top-level usage picocli builds the model of
 * every command by reflection, about 0.3 CPU seconds of a cold JVM (its Java 5 class files are left out of the AOT
 * cache). The text is the same on every run, so the build renders it once with picocli ({@link #main}, run by Maven
 * after compiling) into two resources, plain and with picocli's ANSI styles, and a run prints the one that picocli
 * would print. Without the resources (classes compiled by an IDE), or with one of picocli's own settings given
 * ({@code -Dpicocli.*}), picocli answers as before.
 */
public final class QuickUsage {
    private QuickUsage() {}

    static final String PLAIN = "usage.txt";
    static final String STYLED = "usage.ansi";

    /**
     * Prints the answer to {@code args} if it is one of the fixed ones and returns true; otherwise prints nothing and
     * returns false (picocli then parses {@code args}).
     */
    static boolean answer(String[] args, PrintWriter out) {
        if (args.length > 1) return false;
        String a = args.length == 0 ? "" : args[0];
        boolean version = a.equals("--version") || a.equals("-V");
        if (!version && !a.isEmpty() && !a.equals("--help") && !a.equals("-h") && !a.equals("help")) return false;
        for (String p : System.getProperties().stringPropertyNames()) {
            if (p.startsWith("picocli.")) return false;
        }
        String text = version ? Main.VERSION + System.lineSeparator() : usage(styled());
        if (text == null) return false;
        out.print(text);
        out.flush();
        return true;
    }

    /**
     * Whether picocli would style the usage: never when standard input or output is not a terminal and CLICOLOR_FORCE is
     * not set (the common case, decided without loading picocli); otherwise picocli's own rule (NO_COLOR, TERM...).
     */
    private static boolean styled() {
        java.io.Console c = System.console();
        if ((c == null || !c.isTerminal()) && System.getenv("CLICOLOR_FORCE") == null) return false;
        return Ansi.AUTO.enabled();
    }

    /** The rendered usage, or null if the build did not render it. */
    private static String usage(boolean styled) {
        try (InputStream in = QuickUsage.class.getResourceAsStream(styled ? STYLED : PLAIN)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** The usage exactly as picocli prints it for {@code jhpc --help}, styled or not. */
    static String render(boolean styled) {
        CommandLine cl = Main.commandLine("");
        StringWriter s = new StringWriter();
        try (PrintWriter w = new PrintWriter(s)) {
            cl.usage(w, styled ? Ansi.ON : Ansi.OFF);
        }
        return s.toString();
    }

    /** Build step: writes both renderings into the class folder given as the only argument (beside this class). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0], QuickUsage.class.getPackageName().replace('.', '/'));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(PLAIN), render(false), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(STYLED), render(true), StandardCharsets.UTF_8);
    }
}
