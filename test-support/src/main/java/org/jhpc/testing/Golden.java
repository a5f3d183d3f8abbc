package org.jhpc.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The golden files of jhpc's tests, produced by independent peers (see each folder's README under
 * {@code test-support/src/main/resources/golden}), loaded from the classpath so that a test finds them whatever
 * its working directory.
 */
public final class Golden {
    private Golden() {}

    /** The resource's bytes; {@code name} is relative to {@code golden/}, e.g. {@code "diff2d/n7.npy"}. */
    public static byte[] bytes(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) throw new IllegalArgumentException("no golden file " + name + " on the classpath");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The resource copied to a temporary file (removed when the JVM exits), for readers that take a path. */
    public static Path file(String name) {
        try {
            Path p = Files.createTempFile("golden-", "-" + name.replace('/', '_'));
            p.toFile().deleteOnExit();
            Files.write(p, bytes(name));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
