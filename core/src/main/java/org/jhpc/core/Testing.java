package org.jhpc.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The test hooks: the one place where tests reach into the product, and the only test code in {@code src/main}.
 * Each hook is a system property named {@code jhpc.testing.…} ({@link Config}) that a test sets on the JVM it starts;
 * unset (always, for users) every hook is off. None of them is an option of the {@code jhpc} command, so
 * {@code --help} never shows them.
 */
public final class Testing {
    private Testing() {}

    /**
     * An injected failure: MPI rank {@code rank} throws when it reaches time step {@code step}, so that tests can
     * check that one failing rank ends the whole job promptly.
     */
    public record Failure(int rank, long step) {}

    /** The property that injects a {@link Failure}, for messages about it. */
    public static String failureProperty() {
        return Config.TESTING_FAIL.property();
    }

    /** {@code -Djhpc.testing.fail=R@K}: rank R fails at step K; empty when unset; a {@link UserError} when malformed. */
    public static Optional<Failure> mpiFailure() {
        String v = Config.TESTING_FAIL.given();
        if (v == null) return Optional.empty();
        String[] rk = v.split("@", -1);
        try {
            if (rk.length == 2) {
                Failure f = new Failure(Integer.parseInt(rk[0].strip()), Long.parseLong(rk[1].strip()));
                if (f.rank() >= 0 && f.step() >= 0) return Optional.of(f);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError("-D" + Config.TESTING_FAIL.property() + " must be RANK@STEP with both >= 0, got '" + v + "'");
    }

    /** {@code -Djhpc.testing.pace=MILLIS}: milliseconds each MPI rank sleeps per time step; 0 when unset. */
    public static long pace() {
        String v = Config.TESTING_PACE.given();
        if (v == null) return 0;
        try {
            long ms = Long.parseLong(v.strip());
            if (ms >= 0) return ms;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError("-D" + Config.TESTING_PACE.property() + " must be a number of milliseconds >= 0, got '" + v + "'");
    }

    /** {@code -Djhpc.testing.window.snapshot=FILE.png}: where the live window saves what it shows; empty when unset. */
    public static Optional<Path> windowSnapshot() {
        return Optional.ofNullable(Config.TESTING_WINDOW_SNAPSHOT.given()).map(Path::of);
    }
}
