package org.jhpc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jhpc.testing.ChildProcess;
import org.jhpc.testing.Cli;
import org.jhpc.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release image ({@code jhpc dist}, which runs scripts/dist): built from this build's jars, unpacked somewhere else, and run with a PATH that
 * holds a few shell tools and no {@code java}: {@code bin/jhpc diff2d} must print the golden output of the
 * independent Python peer, with nothing on stderr, on the image's own runtime and AOT cache.
 */
class DistTest {
    /** The shell tools bin/jhpc uses: the only programs on the PATH it runs with. */
    static final List<String> TOOLS = List.of("bash", "dirname", "readlink", "mktemp", "mkfifo", "sed", "rm", "cat");

    @Test
    void releaseImageRunsTheMainJobWithoutAJdkOnThePath(@TempDir Path tmp) throws IOException {
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        assumeTrue(Files.isExecutable(jlink), "SKIPPED: no jlink in " + System.getProperty("java.home")
                + " (a JRE, not a JDK): the release image cannot be built here");
        Path root = Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.isRegularFile(root.resolve("scripts/dist")), "run from the cli module: " + root);
        String cp = Files.readString(root.resolve("cli/target/launcher.classpath")).strip();
        assumeTrue(List.of(cp.split(":")).stream().allMatch(e -> e.endsWith(".jar")), "SKIPPED: the upstream "
                + "modules are class folders, not jars, in this build (mvn test); the image is tested by mvn verify");

        // `jhpc dist OUTDIR` (DistCommand), which runs scripts/dist
        ChildProcess.Result built = ChildProcess.of(Cli.javaCommand(List.of("-Djhpc.root=" + root), "dist",
                        tmp.resolve("out").toString()))
                .env("JHPC_DIST_NO_BUILD", "1").env("JAVA_HOME", System.getProperty("java.home"))
                .timeout(900).run();
        assertEquals(0, built.exit(), built.all());
        Path tarball = Path.of(built.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertTrue(tarball.getFileName().toString().matches("jhpc-.+-linux-x64\\.tar\\.gz"), tarball.toString());

        Path unpacked = Files.createDirectories(tmp.resolve("elsewhere"));
        ChildProcess.Result untar = ChildProcess.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString())
                .timeout(300).run();
        assertEquals(0, untar.exit(), untar.all());
        Path img;
        try (var s = Files.list(unpacked)) {
            img = s.findFirst().orElseThrow();
        }
        for (String f : List.of("bin/jhpc", "runtime/bin/java", "lib/jhpc.aot", "lib/classpath", "README.md", "NOTICE")) {
            assertTrue(Files.exists(img.resolve(f)), "image lacks " + f);
        }
        assertTrue(Files.readString(img.resolve("runtime/release")).contains("jdk.incubator.vector"),
                "the runtime must hold the Vector API module");

        Path tools = Files.createDirectories(tmp.resolve("tools"));
        for (String t : TOOLS) Files.createSymbolicLink(tools.resolve(t), which(t));
        assertFalse(Files.exists(tools.resolve("java")));

        ChildProcess.Result run = ChildProcess.of(img.resolve("bin/jhpc").toString(), "diff2d")
                .env("PATH", tools.toString()).env("JAVA_HOME", null).env("JHPC_JAVA_OPTS", null)
                .dir(tmp).timeout(300).run();
        assertEquals(0, run.exit(), run.all());
        assertEquals(Golden.text("diff2d/default.out"), run.out());
        assertEquals("", run.err(), "nothing on stderr: no incubator notice, no AOT cache messages");

        // the image moved (built in out/, run from elsewhere/): the JVM still takes jhpc's classes from its AOT cache
        ChildProcess.Result classes = ChildProcess.of(img.resolve("bin/jhpc").toString(), "--version")
                .env("PATH", tools.toString()).env("JAVA_HOME", null)
                .env("JHPC_JAVA_OPTS", "-Xlog:class+load=info:stdout").timeout(300).run();
        assertEquals(0, classes.exit(), classes.all());
        assertTrue(classes.out().contains("org.jhpc.cli.Main source: shared objects file"), classes.out());
    }

    @Test
    void distOutsideASourceCheckoutIsOneLineAndExit2() {
        Cli.Result r = Cli.run(Cli.javaCommand(List.of("-Djhpc.root=/nonexistent"), "dist"), java.util.Map.of());
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of("jhpc dist: error: dist builds from a source checkout run through its ./jhpc; this jhpc "
                + "has none (/nonexistent/scripts/dist does not exist)"), r.errLines().stream()
                .filter(l -> !l.startsWith("WARNING: Using incubator")).toList());
        assertEquals("", r.out());
    }

    private static Path which(String tool) {
        for (String d : List.of("/usr/bin", "/bin")) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) return p;
        }
        throw new AssertionError("no " + tool + " in /usr/bin or /bin");
    }
}
