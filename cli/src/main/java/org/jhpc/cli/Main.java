package org.jhpc.cli;

import java.io.PrintWriter;
import java.util.List;
import org.jhpc.core.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code jhpc} command line. Each workload or tool is one subcommand class; this class only wires them up and
 * turns errors into exit codes: bad input (a picocli parameter error or a {@link UserError}) prints one line on
 * stderr and exits 2; anything else is an internal error, one line and exit 1 ({@code JHPC_DEBUG=1} adds the
 * stack trace).
 */
@Command(name = "jhpc", mixinStandardHelpOptions = true, version = Main.VERSION, sortOptions = false,
        description = "High-performance computing in Java: the workloads and tools of the tutorial "
                + "\"HPC Python Programming\", done for the JVM.")
public final class Main implements Runnable {
    public static final String VERSION = "jhpc 0.1.0";

    /** The subcommands, in the order {@code --help} lists them. */
    static final List<Class<?>> COMMANDS = List.of(Diff2dCommand.class, AucCommand.class, ExprCommand.class,
            MpiCommand.class, ProfileCommand.class, BenchCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("diff2d")) org.jhpc.diffusion.Warmup.start();
        int code = execute(new PrintWriter(System.out, false), new PrintWriter(System.err, true), args);
        org.jhpc.mpi.MPI.finish(code);   // under mpirun: finalize, or abort the whole job on failure
        System.exit(code);
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(args.length > 0 ? args[0] : "");
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The command line for a run whose first argument is {@code first}. picocli introspects every registered command
     * when it is added (about 30 ms each on a cold JVM), so a run of one known subcommand registers only that one;
     * anything else (help, an unknown name, no argument) gets them all.
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new Main());
        Class<?> only = null;
        for (Class<?> c : COMMANDS) {
            if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(first)) only = c;
        }
        for (Class<?> c : COMMANDS) {
            if (only == null || c == only) cl.addSubcommand(c);
        }
        cl.setOverwrittenOptionsAllowed(true);   // the last --variant, --threads ... wins, as in most HPC tools
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(prefix(c) + "error: " + oneLine(ex.getMessage()) + " (see '"
                    + c.getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            Throwable root = ex;
            while (!(root instanceof UserError) && root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof UserError) {
                c.getErr().println(prefix(c) + "error: " + oneLine(root.getMessage()));
                return 2;
            }
            c.getErr().println(prefix(c) + "internal error: " + oneLine(String.valueOf(ex)));
            if (System.getenv("JHPC_DEBUG") != null) ex.printStackTrace(c.getErr());
            return 1;
        });
        return cl;
    }

    private static String prefix(CommandLine c) {
        return c.getCommandSpec().qualifiedName() + ": ";
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
