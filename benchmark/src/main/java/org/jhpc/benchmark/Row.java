package org.jhpc.benchmark;

import java.nio.file.Path;

/**
 * One program of a benchmark table: a jhpc variant run as a whole process, a peer built and run by the harness, or a
 * JMH steady-state measurement.
 *
 * @param id           short unique name, what {@code --only} selects ("cpp-two", "jhpc-simd", "numexpr-2")
 * @param label        the table's text
 * @param language     C++, Fortran, Python, Java (jhpc)
 * @param kind         where the numbers come from
 * @param threads      threads it computes on (ranks for MPI rows)
 * @param ranks        MPI ranks (1 when not under mpirun)
 * @param extrapolated run on two reduced cases and extrapolated to the full one (pure Python and the like)
 * @param slow         too slow for --quick
 * @param inSweep      also run over the size sweep
 * @param flags        compiler flags, JVM flags, environment: what the provenance records for this row
 * @param launch       the command for a case (null for JMH rows, which the harness runs its own way)
 */
public record Row(String id, String label, String language, Kind kind, int threads, int ranks, boolean extrapolated,
        boolean slow, boolean inSweep, String flags, Launch launch) {

    /** Where a row's numbers come from. */
    public enum Kind {
        /** {@code ./jhpc} as a whole process, with --timing. */
        JHPC,
        /** A peer program built (or interpreted) from peers/. */
        PEER,
        /** JMH: the kernel's steady state, in-process compute only. */
        JMH
    }

    /**
     * A row that is known (its id is valid for --only) but not wanted in this run: not built, never run (no launch).
     */
    public static Row placeholder(String id) {
        return new Row(id, id, "", Kind.PEER, 1, 1, false, false, false, "", null);
    }

    /** The command for one run of {@code c}; {@code scratch} is a fresh directory for the run's answer files. */
    @FunctionalInterface
    public interface Launch {
        Invocation at(Case c, Path scratch);
    }
}
