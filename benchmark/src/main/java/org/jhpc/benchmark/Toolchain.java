package org.jhpc.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compilers, interpreters and Python packages the peer rows need, found on PATH (Debian's /usr/bin/python3
 * first: that is where python3-numpy and friends install), with their versions for the provenance.
 */
public final class Toolchain {
    /** The Python packages the Python rows use, and the Debian package that provides each. */
    public static final Map<String, String> PYTHON_PACKAGES = Map.of("numpy", "python3-numpy",
            "numexpr", "python3-numexpr", "numba", "python3-numba", "mpi4py", "python3-mpi4py");

    public final Optional<Path> gxx, gfortran, mpicc, mpirun, python, make;
    /** Python package name to its version; absent when it does not import. */
    public final Map<String, String> pythonPackages;

    private Toolchain(Optional<Path> gxx, Optional<Path> gfortran, Optional<Path> mpicc, Optional<Path> mpirun,
            Optional<Path> python, Optional<Path> make, Map<String, String> pythonPackages) {
        this.gxx = gxx;
        this.gfortran = gfortran;
        this.mpicc = mpicc;
        this.mpirun = mpirun;
        this.python = python;
        this.make = make;
        this.pythonPackages = pythonPackages;
    }

    public static Toolchain probe() {
        Optional<Path> py = Files.isExecutable(Path.of("/usr/bin/python3")) ? Optional.of(Path.of("/usr/bin/python3"))
                : which("python3");
        Map<String, String> pkgs = new LinkedHashMap<>();
        py.ifPresent(p -> {
            String script = "import importlib\nfor m in ['numpy','numexpr','numba','mpi4py']:\n"
                    + "    try:\n        print(m, importlib.import_module(m).__version__)\n"
                    + "    except Exception:\n        pass\n";
            for (String line : Proc.query(Duration.ofSeconds(60), p.toString(), "-c", script).split("\\R")) {
                String[] kv = line.strip().split(" ");
                if (kv.length == 2 && PYTHON_PACKAGES.containsKey(kv[0])) pkgs.put(kv[0], kv[1]);
            }
        });
        return new Toolchain(which("g++"), which("gfortran"), which("mpicc"), which("mpirun"), py, which("make"), pkgs);
    }

    /** The first executable called {@code name} on PATH. */
    public static Optional<Path> which(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    public boolean hasPython(String pkg) {
        return python.isPresent() && pythonPackages.containsKey(pkg);
    }

    /** Why a row needing {@code pkg} cannot run, or empty when it can. */
    public Optional<String> missingPython(String pkg) {
        if (python.isEmpty()) return Optional.of("no python3 (Debian: python3)");
        if (!pythonPackages.containsKey(pkg)) {
            return Optional.of("python3 lacks " + pkg + " (Debian: " + PYTHON_PACKAGES.get(pkg) + "; or --install-peers as root)");
        }
        return Optional.empty();
    }

    /** Versions of every tool found, for the provenance ("g++" to "g++ (Debian 12.2.0-14) 12.2.0", ...). */
    public Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        gxx.ifPresent(p -> v.put("g++", Proc.firstLine(p.toString(), "--version")));
        gfortran.ifPresent(p -> v.put("gfortran", Proc.firstLine(p.toString(), "--version")));
        mpicc.ifPresent(p -> v.put("mpicc", Proc.firstLine(p.toString(), "--version")));
        mpirun.ifPresent(p -> v.put("mpirun", Proc.firstLine(p.toString(), "--version")));
        python.ifPresent(p -> v.put("python3", p + " " + Proc.firstLine(p.toString(), "--version")));
        pythonPackages.forEach((k, ver) -> v.put(k, ver));
        return v;
    }

    /** The Debian packages that would supply the missing toolchains. */
    public List<String> missingDebianPackages() {
        List<String> pkgs = new java.util.ArrayList<>();
        if (gxx.isEmpty()) pkgs.add("g++");
        if (gfortran.isEmpty()) pkgs.add("gfortran");
        if (make.isEmpty()) pkgs.add("make");
        if (python.isEmpty()) pkgs.add("python3");
        for (String m : List.of("numpy", "numexpr", "numba", "mpi4py")) {
            if (!pythonPackages.containsKey(m)) pkgs.add(PYTHON_PACKAGES.get(m));
        }
        return pkgs;
    }
}
