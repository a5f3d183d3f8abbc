package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jhpc.benchmark.Toolchain;
import org.jhpc.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jhpc under Slurm's {@code srun}: a single-node Slurm (munged, slurmctld, slurmd; {@code scripts/slurm-local}, as
 * root, localhost only) runs {@code srun -n 2 --mpi=pmix} (Open MPI) and {@code srun -n 2 --mpi=pmi2} (MPICH) of
 * {@code diff2d --variant mpi}; its printed times and saved field are identical to a serial run's, and
 * {@code jhpc mpi doctor} names srun as the launcher with 2 ranks. Skipped, loudly and with the reason, where Slurm
 * is not installed, the test is not root, or the daemons do not start (the script's error and log lines).
 */
class SlurmTest {
    static final Path ROOT = BenchCommandTest.ROOT;
    static final List<String> CASE = List.of("--set", "dx=2.8", "--set", "runtime=200");

    @Test
    void srunRunsDiff2dAcrossRanksLikeASerialRun(@TempDir Path tmp) throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "SKIPPED: the Slurm test starts slurmd, which needs root");
        for (String t : List.of("srun", "sinfo")) {
            assumeTrue(Toolchain.which(t).isPresent(), "SKIPPED: no " + t + " (Debian: slurm-wlm munge; scripts/install-deps slurm)");
        }
        for (String t : List.of("slurmctld", "slurmd", "munged")) {
            assumeTrue(Files.isExecutable(Path.of("/usr/sbin", t)), "SKIPPED: no /usr/sbin/" + t + " (scripts/install-deps slurm)");
        }
        Path dir = tmp.resolve("slurm");
        ChildProcess.Result up = ChildProcess.of(ROOT.resolve("scripts/slurm-local").toString(), "start", dir.toString())
                .timeout(120).run();
        try {
            assumeTrue(up.exit() == 0, "SKIPPED LOUDLY: a single-node Slurm could not start here: " + up.all());
            String conf = dir.resolve("slurm.conf").toString();
            Path serial = tmp.resolve("serial.npy");
            List<String> s = new ArrayList<>(List.of("diff2d", "--variant", "flat", "--save", serial.toString()));
            s.addAll(CASE);
            ChildProcess.Result one = ChildProcess.of(jhpc(s)).timeout(300).run();
            assertEquals(0, one.exit(), one.all());
            int runs = 0;
            for (String[] lib : new String[][] {{"mpirun.openmpi", "pmix", "libmpi.so.40", "PMIx"},
                    {"mpirun.mpich", "pmi2", "libmpich.so.12", "PMI-2"}}) {
                if (Toolchain.which(lib[0]).isEmpty()) {
                    System.err.println("SlurmTest: SKIPPED " + lib[1] + ": " + lib[0] + " not installed");
                    continue;
                }
                Path field = tmp.resolve(lib[1] + ".npy");
                List<String> m = new ArrayList<>(List.of("srun", "-n", "2", "--mpi=" + lib[1]));
                List<String> a = new ArrayList<>(List.of("diff2d", "--variant", "mpi", "--save", field.toString()));
                a.addAll(CASE);
                m.addAll(jhpc(a));
                ChildProcess.Result r = ChildProcess.of(m).env("SLURM_CONF", conf).env("JHPC_LIBMPI", lib[2]).timeout(300).run();
                assertEquals(0, r.exit(), "srun --mpi=" + lib[1] + ": " + r.all());
                assertEquals(one.out(), r.out(), "srun --mpi=" + lib[1] + " prints what the serial run prints");
                assertArrayEquals(Files.readAllBytes(serial), Files.readAllBytes(field), "the saved field of srun --mpi=" + lib[1]);
                List<String> d = new ArrayList<>(List.of("srun", "-n", "2", "--mpi=" + lib[1]));
                d.addAll(jhpc(List.of("mpi", "doctor")));
                ChildProcess.Result doc = ChildProcess.of(d).env("SLURM_CONF", conf).env("JHPC_LIBMPI", lib[2]).timeout(300).run();
                assertEquals(0, doc.exit(), doc.all());
                assertTrue(doc.out().contains("launcher: Slurm srun (" + lib[3] + ")"), doc.out());
                assertTrue(doc.out().contains("ranks: 2"), doc.out());
                runs++;
            }
            assumeTrue(runs > 0, "SKIPPED: neither Open MPI nor MPICH is installed (scripts/install-deps mpi)");
        } finally {
            ChildProcess.of(ROOT.resolve("scripts/slurm-local").toString(), "stop", dir.toString()).timeout(60).run();
        }
    }

    /** This test JVM's classpath running jhpc's Main with {@code args}, as srun's tasks. */
    static List<String> jhpc(List<String> args) {
        return ChildProcess.java(List.of("--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector",
                "-Djhpc.root=" + ROOT), "org.jhpc.cli.Main", args.toArray(String[]::new));
    }
}
