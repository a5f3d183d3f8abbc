package org.jhpc.diffusion.mpi;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jhpc.cli.Main;
import org.jhpc.mpi.MPI;

/**
 * Runs under {@code mpirun -np N}: every case of {@link MpiAppTest#CASES} through the real command line
 * ({@code jhpc diff2d --variant mpi ... --save DIR/NAME.npy}), then {@code jhpc auc NTOT --variant mpi} for each of
 * {@link MpiAppTest#AUC_NTOT}, in one JVM per rank, writing each rank's standard output to
 * {@code DIR/NAME.rankR.out}. Also checks that the decomposition's grid is MPI_Dims_create's.
 */
public final class MpiAppDriver {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int rank = MPI.COMM_WORLD.rank();
        int size = MPI.COMM_WORLD.size();
        int[] dims = MPI.dimsCreate(size, 2);
        Decomposition d = Decomposition.of(1023, 1023, size);
        if (dims[0] != d.py() || dims[1] != d.px()) {
            throw new IllegalStateException("MPI_Dims_create gives " + Arrays.toString(dims) + ", Decomposition "
                    + d.py() + "x" + d.px());
        }
        for (String[] c : MpiAppTest.CASES) {
            String name = c[0];
            List<String> cmd = new ArrayList<>(List.of("diff2d", "--variant", "mpi", "--save",
                    dir.resolve(name + ".npy").toString()));
            cmd.addAll(Arrays.asList(c).subList(1, c.length));
            if (name.equals("r7")) {
                cmd.addAll(List.of("--gif", dir.resolve(name + ".gif").toString(),
                        "--frames", dir.resolve(name + "-frames").toString()));
            }
            Path out = dir.resolve(name + ".rank" + rank + ".out");
            int code;
            try (PrintWriter o = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8));
                 PrintWriter e = new PrintWriter(System.err, true)) {
                code = Main.execute(o, e, cmd.toArray(String[]::new));
            }
            if (code != 0) throw new IllegalStateException("rank " + rank + ": " + cmd + " exited " + code);
        }
        for (String ntot : MpiAppTest.AUC_NTOT) {
            Path out = dir.resolve("auc" + ntot + ".rank" + rank + ".out");
            int code;
            try (PrintWriter o = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8));
                 PrintWriter e = new PrintWriter(System.err, true)) {
                code = Main.execute(o, e, "auc", ntot, "--variant", "mpi", "--digits", "17");
            }
            if (code != 0) throw new IllegalStateException("rank " + rank + ": auc " + ntot + " exited " + code);
        }
        System.out.println("rank " + rank + " done");
        System.out.flush();
        MPI.finish(0);
    }
}
