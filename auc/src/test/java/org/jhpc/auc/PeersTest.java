package org.jhpc.auc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jhpc.core.Variant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The loops variant against jhpc's own C++ and Fortran peers of the slides' loop, compiled with strict IEEE
 * evaluation (no FMA contraction): the same double at every size. Skipped where g++ or gfortran is missing
 * ({@code scripts/install-deps peers} installs them).
 */
class PeersTest {
    @TempDir
    static Path tmp;

    private static final long[] SIZES = {1, 7, 121, 1023, 1_000_003};

    private static Path root() {
        return Path.of(System.getProperty("jhpc.root", "..")).toAbsolutePath().normalize();
    }

    /** Runs a compiler or a peer with a deadline that really fires (ChildProcess kills a hung one and fails). */
    private static String run(List<String> cmd) {
        org.jhpc.testing.ChildProcess.Result r = org.jhpc.testing.ChildProcess.of(cmd).timeout(60).run();
        assertEquals(0, r.exit(), String.join(" ", cmd) + ": " + r.all());
        return r.out();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    /** Compiles a peer (once per compiler) and returns the area it prints for each size. */
    private static List<Double> areas(String compiler, String source) throws Exception {
        assumeTrue(onPath(compiler), compiler + " not installed");
        Path exe = tmp.resolve(compiler + "-auc");
        if (!Files.exists(exe)) {
            run(List.of(compiler, "-O2", "-ffp-contract=off", "-o", exe.toString(), root().resolve(source).toString()));
        }
        List<Double> out = new ArrayList<>();
        for (long n : SIZES) {
            String line = run(List.of(exe.toString(), Long.toString(n))).strip();
            out.add(Double.parseDouble(line.substring("The area is".length()).strip()));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"g++:peers/cpp/auc_serial.cpp", "gfortran:peers/fortran/auc_serial.f90"})
    void loopsMatchesStrictPeerBitForBit(String peer) throws Exception {
        String[] p = peer.split(":");
        List<Double> want = areas(p[0], p[1]);
        try (Integrator loops = Integrators.create(Variant.LOOPS, 1)) {
            for (int k = 0; k < SIZES.length; k++) {
                assertEquals(want.get(k), loops.area(SIZES[k]), 0.0, p[0] + " ntot=" + SIZES[k]);
            }
        }
    }
}
