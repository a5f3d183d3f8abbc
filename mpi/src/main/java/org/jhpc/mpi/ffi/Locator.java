package org.jhpc.mpi.ffi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jhpc.core.Config;

/**
 * Finds and opens libmpi. Order: the {@code JHPC_LIBMPI} environment variable (or {@code -Djhpc.libmpi}), a path or
 * soname, which must work if given (e.g. {@code JHPC_LIBMPI=libmpich.so.12} for Debian's MPICH beside Open MPI);
 * then the sonames the dynamic loader knows ({@code libmpi.so.40} is Open MPI 3–5, {@code libmpi.so.12} and
 * {@code libmpich.so.12} MPICH), then the library beside the {@code mpirun} on {@code PATH}, then the usual
 * distribution directories.
 */
public final class Locator {
    private Locator() {}

    /** The outcome: the library, or null and the reasons every candidate failed. */
    public record Found(Dl.Library library, String path, String error) {}

    public static Found find() {
        String override = Config.LIBMPI.given();
        if (override != null) {
            StringBuilder why = new StringBuilder();
            Dl.Library lib = Dl.open(override, why);
            return lib == null
                    ? new Found(null, null, "JHPC_LIBMPI=" + override + " cannot be loaded: " + why)
                    : new Found(lib, resolvedPath(override), null);
        }
        List<String> reasons = new ArrayList<>();
        for (String c : candidates()) {
            StringBuilder why = new StringBuilder();
            Dl.Library lib = Dl.open(c, why);
            if (lib != null) return new Found(lib, resolvedPath(c), null);
            reasons.add(why.toString());
        }
        return new Found(null, null, "no MPI library found (install Open MPI: apt-get install openmpi-bin "
                + "libopenmpi-dev, or set JHPC_LIBMPI=/path/to/libmpi.so); tried " + String.join("; ", reasons));
    }

    static Set<String> candidates() {
        Set<String> c = new LinkedHashSet<>(List.of("libmpi.so.40", "libmpi.so", "libmpi.so.12", "libmpich.so.12"));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                Path mpirun = Path.of(dir.isEmpty() ? "." : dir, "mpirun");
                if (Files.isExecutable(mpirun)) {
                    try {
                        Path lib = mpirun.toRealPath().getParent().resolveSibling("lib");
                        c.add(lib.resolve("libmpi.so").toString());
                        c.add(lib.resolve("libmpi.so.40").toString());
                        c.add(lib.resolve("libmpi.so.12").toString());
                    } catch (IOException | RuntimeException ignored) {
                        // a dangling link: skip it
                    }
                }
            }
        }
        c.add("/usr/lib/x86_64-linux-gnu/openmpi/lib/libmpi.so");
        c.add("/usr/lib/aarch64-linux-gnu/openmpi/lib/libmpi.so");
        c.add("/usr/lib64/openmpi/lib/libmpi.so.40");
        c.add("/usr/lib64/mpich/lib/libmpi.so.12");
        return c;
    }

    /** The file the process actually mapped for a loaded library (from /proc/self/maps), else the name given. */
    static String resolvedPath(String name) {
        String base = Path.of(name).getFileName().toString();
        String stem = base.contains(".so") ? base.substring(0, base.indexOf(".so")) : base;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int slash = line.indexOf('/');
                if (slash < 0) continue;
                String file = line.substring(slash);
                if (Path.of(file).getFileName().toString().startsWith(stem + ".so")) return file;
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux: fall through
        }
        return name;
    }
}
