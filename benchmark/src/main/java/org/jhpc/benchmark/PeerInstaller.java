package org.jhpc.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --install-peers}: installs the Debian packages the missing peer rows need (g++ gfortran make python3
 * python3-numpy python3-numexpr python3-numba python3-mpi4py), as root only, waiting for other apt users' locks.
 */
public final class PeerInstaller {
    private PeerInstaller() {}

    /** Installs what {@code tools} lacks; returns one line saying what happened. */
    public static String install(Toolchain tools) {
        List<String> pkgs = tools.missingDebianPackages();
        if (pkgs.isEmpty()) return "--install-peers: every peer toolchain is present";
        if (!"root".equals(System.getProperty("user.name"))) {
            return "--install-peers: not root; install them with: apt-get install " + String.join(" ", pkgs);
        }
        Map<String, String> env = Map.of("DEBIAN_FRONTEND", "noninteractive");
        Proc.Outcome u = Proc.run(new Invocation(List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "update", "-qq"), env, null),
                null, Duration.ofMinutes(15));
        List<String> cmd = new ArrayList<>(List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "-qq",
                "--no-install-recommends"));
        cmd.addAll(pkgs);
        Proc.Outcome o = Proc.run(new Invocation(cmd, env, null), null, Duration.ofMinutes(30));
        if (!o.ok()) return "--install-peers: apt-get failed (" + o.failure() + ")" + (u.ok() ? "" : "; update: " + u.failure());
        return "--install-peers: installed " + String.join(" ", pkgs);
    }
}
