package org.jhpc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jhpc.core.Config;
import org.jhpc.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code jhpc dist}: builds the release image from the source checkout by running {@code scripts/dist} (the one place
 * that knows how: jlink, jars, AOT cache, launcher), with its output passed through. A release image has no
 * {@code scripts/} and says so.
 */
@Command(name = "dist", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Builds the release image jhpc-<version>-linux-x64.tar.gz from this source checkout: a "
                + "jlink'ed Java runtime with the modules jhpc needs (jdk.incubator.vector included), jhpc's jars, an "
                + "AOT cache trained on that runtime, bin/jhpc, the README and the licence notes. Unpacked anywhere, "
                + "bin/jhpc runs without a JDK or Maven. Prints the tarball's path (scripts/dist does the work)."})
public final class DistCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "OUTDIR", description = "where the tarball goes (default: dist/ in the "
            + "checkout)")
    Path outDir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String root = Config.ROOT.given();
        Path script = root == null ? null : Path.of(root, "scripts", "dist");
        if (script == null || !Files.isRegularFile(script)) {
            throw new UserError("dist builds from a source checkout run through its ./jhpc; this jhpc has none ("
                    + (script == null ? "jhpc.root is not set" : script + " does not exist") + ")");
        }
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
        if (outDir != null) cmd.add(outDir.toAbsolutePath().toString());
        Process p = new ProcessBuilder(cmd).directory(Path.of(root).toFile()).inheritIO().start();
        try {
            return p.waitFor();   // scripts/dist: 0, 1 (a step failed) or 2 (no JDK, no jlink, jars not built)
        } finally {
            p.destroy();   // interrupted (SIGINT/SIGTERM reach the script's process group anyway)
        }
    }
}
