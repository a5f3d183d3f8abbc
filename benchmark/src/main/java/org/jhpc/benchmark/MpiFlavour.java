package org.jhpc.benchmark;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One MPI library of {@code jhpc bench mpi}: Open MPI or MPICH, side by side as Debian installs them, each with its
 * own launcher ({@code mpirun.openmpi}, {@code mpirun.mpich}), compiler wrapper and library soname (what jhpc's
 * {@code JHPC_LIBMPI} is set to for its rows, so that jhpc binds the launcher's library).
 *
 * @param id       openmpi or mpich (the rows' suffix)
 * @param name     Open MPI or MPICH (the tables' text, and what {@code MPI_Get_library_version} starts with)
 * @param launcher the mpirun of this library
 * @param soname   the library jhpc loads
 * @param peer     the C peer's build
 * @param debian   the packages that install it
 */
public record MpiFlavour(String id, String name, String launcher, String soname, PeerBuilds.Spec peer, String debian) {
    public static final List<MpiFlavour> ALL = List.of(
            new MpiFlavour("openmpi", "Open MPI", "mpirun.openmpi", "libmpi.so.40", PeerBuilds.MPIBENCH_OPENMPI,
                    "openmpi-bin libopenmpi-dev"),
            new MpiFlavour("mpich", "MPICH", "mpirun.mpich", "libmpich.so.12", PeerBuilds.MPIBENCH_MPICH, "mpich libmpich-dev"));

    public Optional<Path> mpirun() {
        return Toolchain.which(launcher);
    }

    /** {@code mpirun.X -np R} with the flags this machine needs, then {@code cmd}. */
    public List<String> command(Path mpirun, int ranks, List<String> cmd) {
        List<String> c = new java.util.ArrayList<>(List.of(mpirun.toString()));
        if (id.equals("openmpi")) {
            if ("root".equals(System.getProperty("user.name"))) c.add("--allow-run-as-root");
            c.addAll(List.of("--oversubscribe", "--bind-to", "none"));
        }
        c.addAll(List.of("-np", String.valueOf(ranks)));
        c.addAll(cmd);
        return c;
    }

    /** The launcher's flags as the provenance shows them. */
    public String flagsText() {
        return launcher + (id.equals("openmpi") ? " --oversubscribe --bind-to none" : "") + " -np 2";
    }
}
