package org.jhpc.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer build cache: a second harness run with the same CPU, compiler, flags and source reuses the first one's
 * binary (it is not rebuilt: its modification time stays); a changed source is built anew under another key; a build
 * that fails is not cached and is reported with the compiler's last line.
 */
class PeerBuildsTest {
    static final PeerBuilds.Spec SPEC = new PeerBuilds.Spec("hello", "g++", "cpp/hello.cpp", List.of("-O1"));

    @Test
    void aBuildIsKeptBySourceHashAndReused(@TempDir Path tmp) throws IOException {
        Toolchain tools = Toolchain.probe();
        assumeTrue(tools.gxx.isPresent(), "SKIPPED: PeerBuildsTest needs g++ (scripts/install-deps peers)");
        Path peers = Files.createDirectories(tmp.resolve("peers/cpp"));
        Files.writeString(peers.resolve("hello.cpp"), "int main() { return 0; }\n");
        Path cache = tmp.resolve("cache");
        Optional<Path> first = builds(tmp, cache, tools, "s1").get(SPEC);
        assertTrue(first.isPresent());
        assertTrue(first.get().startsWith(cache), first.get().toString());
        Files.setLastModifiedTime(first.get(), FileTime.fromMillis(1_000_000_000_000L));
        Optional<Path> again = builds(tmp, cache, tools, "s2").get(SPEC);
        assertEquals(first, again);
        assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(again.get()).toMillis(), "reused, not rebuilt");

        Files.writeString(peers.resolve("hello.cpp"), "int main() { return 1; }\n");
        Optional<Path> changed = builds(tmp, cache, tools, "s3").get(SPEC);
        assertTrue(changed.isPresent());
        assertNotEquals(first.get(), changed.get(), "a changed source has another key");

        Files.writeString(peers.resolve("hello.cpp"), "this is not C++\n");
        PeerBuilds broken = builds(tmp, cache, tools, "s4");
        assertTrue(broken.get(SPEC).isEmpty());
        assertTrue(broken.why(SPEC).startsWith("build failed"), broken.why(SPEC));
        assertTrue(builds(tmp, cache, tools, "s5").get(SPEC).isEmpty(), "a failed build is not cached");
    }

    static PeerBuilds builds(Path tmp, Path cache, Toolchain tools, String scratch) throws IOException {
        return new PeerBuilds(tmp.resolve("peers"), Files.createDirectories(tmp.resolve(scratch)), cache, "test CPU", tools,
                Duration.ofSeconds(120));
    }
}
