package org.jhpc.profiler.workloads;

/** Prints its arguments on stdout and "to stderr" on stderr, then exits with the code given as first argument. */
public final class ExitCode {
    private ExitCode() {}

    public static void main(String[] args) {
        System.out.println("out " + String.join(" ", args));
        System.err.println("to stderr");
        System.exit(Integer.parseInt(args[0]));
    }
}
