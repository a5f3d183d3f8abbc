package org.jhpc.core;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes output files so that readers never see half of one: the bytes go to a hidden temporary file beside the
 * target, which is renamed over the target only when writing finished without error. On failure the temporary
 * file is removed and the target is left as it was.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes the contents of a file; a thrown exception leaves no partial output. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** An output being written: {@link #commit()} publishes it, {@link #close()} without commit discards it. */
    public static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private final OutputStream out;
        private boolean done;

        private Pending(Path target) throws IOException {
            this.target = target.toAbsolutePath();
            Path dir = this.target.getParent();
            this.tmp = Files.createTempFile(dir, "." + this.target.getFileName() + ".", ".tmp");
            this.out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
        }

        public OutputStream stream() {
            return out;
        }

        public void commit() {
            try {
                out.close();
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                done = true;
            } catch (IOException e) {
                close();
                throw new UserError("cannot write " + target + ": " + describe(e), e);
            }
        }

        /** Discards the temporary file unless committed. */
        @Override
        public void close() {
            if (done) return;
            done = true;
            try {
                out.close();
            } catch (IOException ignored) {
                // the file is being discarded anyway
            }
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: the temporary file is hidden and named after the target
            }
        }
    }

    /** Opens a pending output for {@code target}; its directory must exist. */
    public static Pending open(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserError("cannot write " + target + ": directory " + dir + " does not exist");
        }
        try {
            return new Pending(target);
        } catch (IOException e) {
            throw new UserError("cannot write " + target + ": " + describe(e), e);
        }
    }

    /**
     * Fails early, before any work, when {@code file} (may be null: nothing to check) could not be written later:
     * its directory is missing or read-only, or the path is a directory.
     */
    public static void requireWritable(Path file) {
        if (file == null) return;
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new UserError("cannot write " + file + ": no such directory " + dir);
        if (!Files.isWritable(dir)) throw new UserError("cannot write " + file + ": directory " + dir + " is not writable");
        if (Files.isDirectory(file)) throw new UserError("cannot write " + file + ": it is a directory");
    }

    public static void write(Path target, Writer writer) {
        try (Pending p = open(target)) {
            try {
                writer.write(p.stream());
            } catch (IOException e) {
                throw new UserError("cannot write " + target + ": " + describe(e), e);
            }
            p.commit();
        }
    }

    public static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
