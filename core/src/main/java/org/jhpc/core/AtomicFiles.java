package org.jhpc.core;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes output files so that readers never see half of one: the bytes go to a hidden temporary file beside the
 * target ({@code .NAME.PID.RANDOM.tmp}), which is renamed over the target only when writing finished without
 * error. On failure the temporary file is removed and the target is left as it was.
 *
 * <ul>
 *   <li>Permissions: the temporary file is created as {@code open(2)} creates a file (mode 0666 less the process
 *       umask: 0644 under 022, 0600 under 077); when the target exists, its permissions are kept (0664 stays
 *       0664).</li>
 *   <li>Signals: every temporary file still open is removed by a shutdown hook, so SIGTERM, SIGINT and
 *       {@code System.exit} leave none behind. SIGKILL cannot be caught; the next write of the same target removes
 *       the temporary files of processes that are gone.</li>
 *   <li>Durable writes ({@link #openDurable}): the file and then its directory are fsynced before and after the
 *       rename, so a crash leaves either the previous file or the new one (checkpoints).</li>
 * </ul>
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Temporary files not yet committed or discarded, removed on JVM shutdown. */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::removeLive, "jhpc-remove-partial-outputs"));
        } catch (IllegalStateException shuttingDown) {
            // first used while the JVM is already going away: nothing can be left half-written by this JVM any more
        }
    }

    /** Writes the contents of a file; a thrown exception leaves no partial output. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** An output being written: {@link #commit()} publishes it, {@link #close()} without commit discards it. */
    public static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private final FileChannel channel;
        private final OutputStream out;
        private final boolean durable;
        private boolean done;

        private Pending(Path target, boolean durable) throws IOException {
            this.target = target.toAbsolutePath();
            this.durable = durable;
            Path dir = this.target.getParent();
            sweepStale(dir, this.target.getFileName().toString());
            Path t;
            FileChannel ch;
            while (true) {
                t = dir.resolve(tempName(this.target.getFileName().toString(), ThreadLocalRandom.current().nextLong()));
                try {
                    // CREATE_NEW without attributes: mode 0666 & ~umask, as open(2) gives every new file
                    ch = FileChannel.open(t, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    break;
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // another writer drew the same name: draw again
                }
            }
            this.tmp = t;
            LIVE.add(tmp);
            this.channel = ch;
            try {
                if (Files.exists(this.target)) Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(this.target));
            } catch (UnsupportedOperationException | IOException e) {
                // not a POSIX file system, or not ours to read: keep the umask's mode
            }
            this.out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16);
        }

        public OutputStream stream() {
            return out;
        }

        /** The hidden temporary file (for writers that need a file rather than a stream). */
        public Path temporary() {
            return tmp;
        }

        public void commit() {
            try {
                out.flush();
                if (durable) channel.force(true);
                out.close();
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                LIVE.remove(tmp);
                done = true;
                if (durable) syncDirectory(target.getParent());
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
            LIVE.remove(tmp);
        }
    }

    static String tempName(String target, long random) {
        return "." + target + "." + ProcessHandle.current().pid() + "." + Long.toUnsignedString(random, 36) + ".tmp";
    }

    /** Removes {@code .NAME.PID.*.tmp} files beside the target whose process is gone (it was killed with SIGKILL). */
    private static void sweepStale(Path dir, String name) {
        String prefix = "." + name + ".";
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, prefix.replace("[", "\\[").replace("{", "\\{")
                .replace("*", "\\*").replace("?", "\\?") + "*.tmp")) {
            for (Path p : ds) {
                String rest = p.getFileName().toString().substring(prefix.length());
                int dot = rest.indexOf('.');
                if (dot <= 0) continue;
                long pid;
                try {
                    pid = Long.parseLong(rest.substring(0, dot));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (rest.indexOf('.', dot + 1) != rest.length() - 4) continue;   // exactly PID.RANDOM.tmp
                if (ProcessHandle.of(pid).isEmpty()) Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // best effort only
        }
    }

    private static void removeLive() {
        for (Path p : LIVE) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // the JVM is going away
            }
        }
    }

    /** fsyncs a directory, so that a rename in it survives a crash (where the platform allows it). */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some platforms cannot open a directory: the rename is still atomic, only not yet durable
        }
    }

    /** Opens a pending output for {@code target}; its directory must exist. */
    public static Pending open(Path target) {
        return open(target, false);
    }

    /** As {@link #open(Path)}, and the commit fsyncs the file and its directory (checkpoints). */
    public static Pending openDurable(Path target) {
        return open(target, true);
    }

    private static Pending open(Path target, boolean durable) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserError("cannot write " + target + ": directory " + dir + " does not exist");
        }
        try {
            return new Pending(target, durable);
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

    /**
     * Refuses two outputs of one run that name the same file (one would silently replace the other).
     * {@code namesAndPaths} alternates an option name and its path (null: not given).
     */
    public static void requireDistinct(Object... namesAndPaths) {
        for (int a = 1; a < namesAndPaths.length; a += 2) {
            if (namesAndPaths[a] == null) continue;
            Path pa = ((Path) namesAndPaths[a]).toAbsolutePath().normalize();
            for (int b = a + 2; b < namesAndPaths.length; b += 2) {
                if (namesAndPaths[b] == null) continue;
                Path pb = ((Path) namesAndPaths[b]).toAbsolutePath().normalize();
                boolean same = pa.equals(pb);
                if (!same && Files.exists(pa) && Files.exists(pb)) {
                    try {
                        same = Files.isSameFile(pa, pb);
                    } catch (IOException ignored) {
                        // cannot tell: treat as different
                    }
                }
                if (same) {
                    throw new UserError(namesAndPaths[a - 1] + " and " + namesAndPaths[b - 1] + " name the same file "
                            + namesAndPaths[a] + "; give each output its own file");
                }
            }
        }
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
