package org.jhpc.cli;

import java.io.PrintWriter;

/**
 * The one note an Open MPI job with {@code --checkpoint} gets when its {@code mpirun} would kill the ranks before
 * they can write a last checkpoint. Open MPI 4.1's {@code mpirun}, on SIGTERM or SIGINT, sends the ranks SIGCONT,
 * waits {@code odls_base_sigkill_timeout} seconds (default 1), sends SIGTERM, waits as long again, then SIGKILL:
 * the ranks have that many seconds to agree on a step, gather, write and exit (measured in the diffusion README).
 * The value reaches the ranks as {@code OMPI_MCA_odls_base_sigkill_timeout}, from {@code --mca} or the environment.
 * MPICH's Hydra forwards the signal at once and never follows it with SIGKILL: no note.
 */
final class MpiStopNote {
    private MpiStopNote() {}

    /** Seconds that leave a last checkpoint of a large grid time to be written on a busy node. */
    static final int ENOUGH_SECONDS = 10;

    /** Prints the note (rank 0 only) under Open MPI's mpirun when its grace is shorter than {@link #ENOUGH_SECONDS}. */
    static void warnIfTooShort(PrintWriter err) {
        if (System.getenv("OMPI_COMM_WORLD_SIZE") == null) return;   // not Open MPI's launcher
        int grace = graceSeconds(System.getenv("OMPI_MCA_odls_base_sigkill_timeout"));
        if (grace >= ENOUGH_SECONDS) return;
        err.println("jhpc diff2d: note: Open MPI's mpirun kills the ranks " + grace + " s after it passes on SIGTERM or "
                + "SIGINT, which may be too soon for a last checkpoint; start it with --mca odls_base_sigkill_timeout "
                + ENOUGH_SECONDS + " (or export OMPI_MCA_odls_base_sigkill_timeout=" + ENOUGH_SECONDS + ")");
        err.flush();
    }

    /** Open MPI's value of {@code odls_base_sigkill_timeout}: the variable's integer, or its default of 1. */
    static int graceSeconds(String value) {
        if (value == null) return 1;
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
