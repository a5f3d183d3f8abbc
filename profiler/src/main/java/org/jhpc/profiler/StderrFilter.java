package org.jhpc.profiler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies a child JVM's stderr to ours, byte for byte, except its first line when that is exactly the JDK's notice
 * {@value #NOTICE} (printed by every JVM started with {@code --add-modules jdk.incubator.vector}); the launcher
 * drops the same line from the profiler's own stderr.
 */
final class StderrFilter {
    static final String NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";

    private StderrFilter() {}

    /** Starts the copy on a daemon thread; it ends when the child closes its stderr. */
    static Thread start(InputStream in, PrintStream to) {
        return Thread.ofPlatform().daemon().name("jhpc-profile-stderr").start(() -> copy(in, to));
    }

    /** Waits for the copy to end (the child has exited; its stderr closes with it, or with its last descendant). */
    static void join(Thread copier) {
        try {
            copier.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void copy(InputStream in, PrintStream to) {
        try (in) {
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0 && c != '\n' && first.size() <= NOTICE.length()) first.write(c);
            String line = first.toString(StandardCharsets.UTF_8);
            if (!(c == '\n' && line.equals(NOTICE))) {
                to.write(first.toByteArray());
                if (c >= 0) to.write(c);
                to.flush();
            }
            byte[] b = new byte[8192];
            for (int n; (n = in.read(b)) > 0; ) {
                to.write(b, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // the child is gone: what it wrote has been copied
        }
    }
}
