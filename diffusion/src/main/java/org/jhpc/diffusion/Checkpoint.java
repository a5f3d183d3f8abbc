package org.jhpc.diffusion;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jhpc.core.AtomicFiles;
import org.jhpc.core.Npy;
import org.jhpc.core.PyFloat;
import org.jhpc.core.UserError;

/**
 * A diff2d checkpoint: the state of a run after {@code step} steps, enough to continue it bit for bit. The file is
 * a numpy {@code .npz} archive (a zip of stored, uncompressed members), so {@code numpy.load(path)["density"]}
 * reads the field:
 * <pre>
 *   density.npy   float64, npnts × npnts, C order, boundary included: the density after step steps
 *   simtime.npy   float64, 1 × 1: the simulation time after step steps (dt added step times, as diff2d.py adds it)
 *   meta.txt      UTF-8 "key=value" lines: format, version, the parameters (exact, as Java hexadecimal doubles),
 *                 variant, threads, ranks, step, nsteps, npnts, simtime (hex and repr), density_crc32, and last
 *                 meta_crc32 (CRC-32 of the lines before it)
 * </pre>
 * Written through {@link AtomicFiles#openDurable}: a hidden temporary file in the same directory, fsync of the
 * file, rename, fsync of the directory; the previous checkpoint survives a crash during the write. Reading
 * refuses, with one line, a file that is truncated, corrupt (checksums), foreign (not this format), of a newer
 * version, or inconsistent with itself (shape, step count, simtime recomputed from the step).
 *
 * @param params  the run's parameters
 * @param variant the variant that wrote it (a resumed run may use another: all are bit-identical)
 * @param threads its thread count
 * @param ranks   its MPI rank count (1 outside MPI)
 * @param step    steps done
 * @param simtime simulation time after {@code step} steps
 * @param density the field, npnts × npnts row-major
 */
public record Checkpoint(Diff2dParams params, String variant, int threads, int ranks, long step, double simtime,
                         int npnts, double[] density) {
    public static final String FORMAT = "jhpc-diff2d-checkpoint";
    public static final int VERSION = 1;

    /** Writes the state of {@code solver} at {@code step} atomically and durably to {@code file}. */
    public static void write(Path file, Diff2dProblem p, String variant, int threads, int ranks, long step,
                             double simtime, Field f) {
        int n = f.size();
        // pass 1: the member's size and CRC (a stored zip member declares both before its bytes)
        CRC32 crc = new CRC32();
        long[] size = {0};
        try {
            Npy.write(new OutputStream() {
                @Override public void write(int b) { crc.update(b); size[0]++; }
                @Override public void write(byte[] b, int off, int len) { crc.update(b, off, len); size[0] += len; }
            }, n, n, f::row);
        } catch (IOException e) {
            throw new IllegalStateException(e);   // cannot happen: the stream above does no I/O
        }
        byte[] simtimeNpy = npy(1, simtime);
        String meta = meta(p.params, variant, threads, ranks, step, p.nsteps, n, simtime, crc.getValue());
        try (AtomicFiles.Pending pending = AtomicFiles.openDurable(file)) {
            try {
                ZipOutputStream zip = new ZipOutputStream(pending.stream());
                stored(zip, "density.npy", size[0], crc.getValue());
                Npy.write(zip, n, n, f::row);
                zip.closeEntry();
                byte[] m = meta.getBytes(StandardCharsets.UTF_8);
                storedBytes(zip, "simtime.npy", simtimeNpy);
                storedBytes(zip, "meta.txt", m);
                zip.finish();
            } catch (IOException e) {
                throw new UserError("cannot write checkpoint " + file + ": " + AtomicFiles.describe(e), e);
            }
            pending.commit();
        }
    }

    private static void stored(ZipOutputStream zip, String name, long size, long crc) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(crc);
        e.setTime(0);
        zip.putNextEntry(e);
    }

    private static void storedBytes(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        CRC32 c = new CRC32();
        c.update(bytes);
        stored(zip, name, bytes.length, c.getValue());
        zip.write(bytes);
        zip.closeEntry();
    }

    private static byte[] npy(int n, double v) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            Npy.write(b, n, n, (i, dst) -> dst[0] = v);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toByteArray();
    }

    static String meta(Diff2dParams q, String variant, int threads, int ranks, long step, long nsteps, int npnts,
                       double simtime, long densityCrc) {
        StringBuilder s = new StringBuilder();
        s.append("format=").append(FORMAT).append('\n');
        s.append("version=").append(VERSION).append('\n');
        s.append("D=").append(Double.toHexString(q.D())).append('\n');
        s.append("x1=").append(Double.toHexString(q.x1())).append('\n');
        s.append("x2=").append(Double.toHexString(q.x2())).append('\n');
        s.append("runtime=").append(Double.toHexString(q.runtime())).append('\n');
        s.append("dx=").append(Double.toHexString(q.dx())).append('\n');
        s.append("outtime=").append(Double.toHexString(q.outtime())).append('\n');
        s.append("graphics=").append(q.graphics() ? "True" : "False").append('\n');
        s.append("variant=").append(variant).append('\n');
        s.append("threads=").append(threads).append('\n');
        s.append("ranks=").append(ranks).append('\n');
        s.append("step=").append(step).append('\n');
        s.append("nsteps=").append(nsteps).append('\n');
        s.append("npnts=").append(npnts).append('\n');
        s.append("simtime=").append(Double.toHexString(simtime)).append('\n');
        s.append("simtime_repr=").append(PyFloat.repr(simtime)).append('\n');
        s.append("density_crc32=").append(Long.toHexString(densityCrc)).append('\n');
        CRC32 c = new CRC32();
        c.update(s.toString().getBytes(StandardCharsets.UTF_8));
        s.append("meta_crc32=").append(Long.toHexString(c.getValue())).append('\n');
        return s.toString();
    }

    /** Reads and checks a checkpoint; every problem is a {@link UserError} naming the file. */
    public static Checkpoint read(Path file) {
        String what = "checkpoint " + file;
        if (!Files.isRegularFile(file)) {
            throw new UserError("cannot read " + what + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry metaEntry = zip.getEntry("meta.txt");
            ZipEntry densEntry = zip.getEntry("density.npy");
            ZipEntry timeEntry = zip.getEntry("simtime.npy");
            if (metaEntry == null || densEntry == null || timeEntry == null) {
                throw new UserError(what + " is not a jhpc diff2d checkpoint (members density.npy, simtime.npy, meta.txt)");
            }
            if (metaEntry.getSize() > 1 << 16) throw new UserError(what + ": meta.txt is too large");
            Map<String, String> m = parseMeta(what, readAll(zip, metaEntry, 1 << 16));
            if (!FORMAT.equals(m.get("format"))) throw new UserError(what + " is not a jhpc diff2d checkpoint (format "
                    + m.get("format") + ")");
            int version = integer(what, m, "version");
            if (version != VERSION) {
                throw new UserError(what + " has format version " + version + "; this jhpc reads version " + VERSION);
            }
            Diff2dParams q = new Diff2dParams(hex(what, m, "D"), hex(what, m, "x1"), hex(what, m, "x2"),
                    hex(what, m, "runtime"), hex(what, m, "dx"), hex(what, m, "outtime"), bool(what, m, "graphics"));
            Diff2dProblem p;
            try {
                p = new Diff2dProblem(q);
            } catch (UserError e) {
                throw new UserError(what + " holds invalid parameters: " + e.getMessage());
            }
            int npnts = integer(what, m, "npnts");
            long step = longValue(what, m, "step");
            long nsteps = longValue(what, m, "nsteps");
            int threads = integer(what, m, "threads");
            int ranks = integer(what, m, "ranks");
            double simtime = hex(what, m, "simtime");
            String variant = m.getOrDefault("variant", "");
            if (npnts != p.npnts || nsteps != p.nsteps || step < 0 || step > nsteps || threads < 1 || ranks < 1) {
                throw new UserError(what + " is inconsistent: npnts=" + npnts + " step=" + step + " nsteps=" + nsteps
                        + " do not fit its parameters (npnts=" + p.npnts + ", nsteps=" + p.nsteps + ")");
            }
            if (Double.doubleToRawLongBits(simtime) != Double.doubleToRawLongBits(Diff2dRun.simtimeAt(p, step))) {
                throw new UserError(what + " is inconsistent: simtime " + PyFloat.repr(simtime) + " is not the time after "
                        + step + " steps");
            }
            long expectedSize = (long) npnts * npnts * Double.BYTES;
            double[] density = new double[Math.toIntExact((long) npnts * npnts)];
            long crc;
            try (InputStream raw = zip.getInputStream(densEntry); DataInputStream in = new DataInputStream(raw)) {
                CRC32 c = new CRC32();
                byte[] head = in.readNBytes(10);
                c.update(head);
                if (head.length < 10 || (head[0] & 0xff) != 0x93 || head[6] != 1) {
                    throw new UserError(what + ": density.npy is not a version 1.0 .npy array");
                }
                int hlen = Short.toUnsignedInt(ByteBuffer.wrap(head, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort());
                byte[] h = in.readNBytes(hlen);
                c.update(h);
                String header = new String(h, StandardCharsets.ISO_8859_1);
                if (!header.contains("'descr': '<f8'") || !header.contains("'fortran_order': False")
                        || !header.contains("'shape': (" + npnts + ", " + npnts + ")")) {
                    throw new UserError(what + ": density.npy is not a " + npnts + "x" + npnts + " float64 C-order array");
                }
                byte[] row = new byte[npnts * Double.BYTES];
                ByteBuffer bb = ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < npnts; i++) {
                    if (in.readNBytes(row, 0, row.length) != row.length) throw new UserError(what + " is truncated");
                    c.update(row);
                    bb.clear();
                    bb.asDoubleBuffer().get(density, i * npnts, npnts);
                }
                if (in.read() != -1) throw new UserError(what + ": density.npy has trailing bytes");
                crc = c.getValue();
            }
            if (densEntry.getSize() >= 0 && densEntry.getSize() < expectedSize) throw new UserError(what + " is truncated");
            if (!Long.toHexString(crc).equals(m.get("density_crc32"))) {
                throw new UserError(what + " is corrupt: the density's checksum does not match");
            }
            return new Checkpoint(q, variant, threads, ranks, step, simtime, npnts, density);
        } catch (java.util.zip.ZipException e) {
            throw new UserError(what + " is truncated or not a checkpoint (" + oneLine(e.getMessage()) + ")");
        } catch (IOException e) {
            throw new UserError("cannot read " + what + ": " + AtomicFiles.describe(e), e);
        } catch (RuntimeException e) {
            if (e instanceof UserError) throw e;
            throw new UserError(what + " is corrupt (" + oneLine(String.valueOf(e.getMessage())) + ")");
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static byte[] readAll(ZipFile zip, ZipEntry e, int max) throws IOException {
        try (InputStream in = zip.getInputStream(e)) {
            byte[] b = in.readNBytes(max + 1);
            if (b.length > max) throw new UserError("meta.txt is too large");
            return b;
        }
    }

    static Map<String, String> parseMeta(String what, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int last = text.lastIndexOf("meta_crc32=");
        if (last < 0 || (last > 0 && text.charAt(last - 1) != '\n')) {
            throw new UserError(what + " is not a jhpc diff2d checkpoint (meta.txt has no checksum)");
        }
        CRC32 c = new CRC32();
        c.update(text.substring(0, last).getBytes(StandardCharsets.UTF_8));
        if (!text.substring(last).strip().equals("meta_crc32=" + Long.toHexString(c.getValue()))) {
            throw new UserError(what + " is corrupt: meta.txt's checksum does not match");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) m.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return m;
    }

    private static String need(String what, Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) throw new UserError(what + ": meta.txt lacks " + key);
        return v;
    }

    private static double hex(String what, Map<String, String> m, String key) {
        String v = need(what, m, key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UserError(what + ": meta.txt has a bad " + key + " '" + v + "'");
        }
    }

    private static long longValue(String what, Map<String, String> m, String key) {
        String v = need(what, m, key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UserError(what + ": meta.txt has a bad " + key + " '" + v + "'");
        }
    }

    private static int integer(String what, Map<String, String> m, String key) {
        long v = longValue(what, m, key);
        if (v != (int) v) throw new UserError(what + ": meta.txt has a bad " + key + " '" + v + "'");
        return (int) v;
    }

    private static boolean bool(String what, Map<String, String> m, String key) {
        String v = need(what, m, key);
        if (!v.equals("True") && !v.equals("False")) throw new UserError(what + ": meta.txt has a bad " + key + " '" + v + "'");
        return v.equals("True");
    }

    /** The problem this checkpoint continues, with the checkpoint's density as the initial condition. */
    public Diff2dProblem problem() {
        double[] d = density;
        int n = npnts;
        return new Diff2dProblem(params).withInitial((i, j) -> d[i * n + j]);
    }

    /** Where the resumed run starts. */
    public Diff2dRun.Start start() {
        return new Diff2dRun.Start(step, simtime, true);
    }

    /** The parameters (all but graphics) that differ between this checkpoint and {@code other}, as "name: checkpoint vs given" text. */
    public String differences(Diff2dParams other) {
        StringBuilder s = new StringBuilder();
        diff(s, "D", params.D(), other.D());
        diff(s, "x1", params.x1(), other.x1());
        diff(s, "x2", params.x2(), other.x2());
        diff(s, "runtime", params.runtime(), other.runtime());
        diff(s, "dx", params.dx(), other.dx());
        diff(s, "outtime", params.outtime(), other.outtime());
        return s.toString();
    }

    private static void diff(StringBuilder s, String name, double a, double b) {
        if (Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b)) return;
        if (!s.isEmpty()) s.append(", ");
        s.append(name).append(" = ").append(PyFloat.repr(a)).append(" in the checkpoint, ").append(PyFloat.repr(b))
                .append(" given");
    }
}
