package org.jhpc.profiler.workloads;

/**
 * Spins for a while (a xorshift chain of {@code steps} updates, the second argument), prints its arguments on
 * stdout and "to stderr" on stderr, then exits with the code given as first argument.
 */
public final class ExitCode {
    private ExitCode() {}

    public static void main(String[] args) {
        long x = 1;
        long steps = Long.parseLong(args[1]);
        for (long i = 0; i < steps; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        System.out.println("out " + String.join(" ", args) + (x == 0 ? " zero" : ""));
        System.err.println("to stderr");
        System.exit(Integer.parseInt(args[0]));
    }
}
