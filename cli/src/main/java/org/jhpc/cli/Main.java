package org.jhpc.cli;

import java.io.PrintWriter;
import java.util.List;
import org.jhpc.core.Config;
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
            MpiCommand.class, ProfileCommand.class,
            RaceCommand.class,
            MapCommand.class,
            ExerciseCommand.class,
            ArraysCommand.class,
            BenchCommand.class,
            DistCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        org.jhpc.core.Signals.install(System.err);   // SIGTERM/SIGINT/HUP: exit 143/130/129, partial outputs removed
        PrintWriter out = new PrintWriter(System.out, false);
        if (QuickUsage.answer(args, out)) System.exit(0);   // jhpc, --help, --version: no command model needed
        if (args.length > 0 && args[0].equals("diff2d")) org.jhpc.diffusion.Warmup.start();
        int code = execute(out, new PrintWriter(System.err, true), args);
        // under mpirun: finalize, or abort the whole job on failure; a run that every rank stopped cleanly on a signal
        // (they agreed on it, see Checkpointer) finalizes and exits 128 + the signal's number
        org.jhpc.core.Signals.Caught stop = org.jhpc.core.Signals.stoppedCleanly();
        org.jhpc.mpi.MPI.finish(stop != null && code == stop.exitCode() ? 0 : code);
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
        CommandLine expr = cl.getSubcommands().get("expr");
        if (expr != null) expr.setUnmatchedOptionsArePositionalParams(true);   // jhpc expr '-a' needs no --
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            if (quietRank()) return afterRankZero();
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
                if (quietRank()) return afterRankZero();
                c.getErr().println(prefix(c) + "error: " + oneLine(root.getMessage()));
                return 2;
            }
            c.getErr().println(prefix(c) + "internal error: " + oneLine(String.valueOf(ex)));
            if (Config.DEBUG.given() != null) ex.printStackTrace(c.getErr());
            return 1;
        });
        return cl;
    }

    /**
     * Exit code 2 for a quiet rank, a moment after the error: mpirun ends the whole job at the first non-zero
     * exit, so a quiet rank that left at once could take rank 0 down before it has printed the one line.
     */
    private static int afterRankZero() {
        try {
            Thread.sleep(QUIET_RANK_DELAY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 2;
    }

    /** How long a quiet rank waits before it exits with bad input (rank 0 needs its JVM started and one line written). */
    static final long QUIET_RANK_DELAY_MILLIS = 3_000;

    /**
     * Whether this process is an MPI rank other than 0 (Open MPI's, PMIx's or, for MPICH's Hydra, PMI's rank
     * variable): every rank parses the same command line, so bad input is reported once, by rank 0, instead of once
     * per rank.
     */
    static boolean quietRank() {
        for (String var : new String[] {"OMPI_COMM_WORLD_RANK", "PMIX_RANK", "PMI_RANK"}) {
            String r = System.getenv(var);
            if (r != null) return !r.strip().equals("0");
        }
        return false;
    }

    private static String prefix(CommandLine c) {
        return c.getCommandSpec().qualifiedName() + ": ";
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
