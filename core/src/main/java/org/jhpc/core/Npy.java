package org.jhpc.core;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * numpy's {@code .npy} format, jhpc's one reader and writer of it: the magic {@code \x93NUMPY}, two version bytes,
 * the header length (little-endian uint16 in version 1.0, uint32 in 2.0 and 3.0), then an ASCII header dict
 * {@code {'descr': ..., 'fortran_order': ..., 'shape': (...), }} padded with spaces and a newline so that the data
 * starts at a multiple of 64 bytes, then the raw elements.
 * <p>{@link #readArray} reads any dtype numpy writes with a fixed item size (kinds {@code b i u f c S V}, either
 * byte order) and any number of dimensions, as an {@link Array}: the header plus the raw bytes, which each module
 * converts to its own element types. {@link #header} writes the header of a C-ordered array of any dtype.
 * {@link #read(Path)} and {@link #write(Path, int, int, RowSource)} are the float64 matrix forms the workloads use.
 * Problems are {@link UserError}s that name the file.
 */
public final class Npy {
    private Npy() {}

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern DTYPE = Pattern.compile("([<>|=])?([biufcSV])(\\d+)");
    /** Longest header accepted (numpy itself writes a few hundred bytes). */
    static final int MAX_HEADER = 1 << 20;

    /** Supplies row {@code i} of a rows × cols array into {@code dst} (length cols). */
    @FunctionalInterface
    public interface RowSource {
        void row(int i, double[] dst);
    }

    /** A float64 matrix read back from a file. */
    public record Matrix(int rows, int cols, double[] data) {
        public double get(int i, int j) {
            return data[i * cols + j];
        }
    }

    /**
     * An array as stored in a .npy file.
     *
     * @param descr        numpy's dtype string as written, e.g. {@code <f8}, {@code |b1}, {@code <u2}, {@code |S5}
     * @param kind         the dtype's kind: {@code b} bool, {@code i} signed, {@code u} unsigned integer,
     *                     {@code f} float, {@code c} complex, {@code S} byte string, {@code V} raw bytes
     * @param itemSize     bytes per element ({@code c16}: 16, two float64)
     * @param fortranOrder true when the data is column-major (the first index varies fastest)
     * @param shape        the dimensions ({@code []} for a 0-d array)
     * @param data         exactly {@code size() * itemSize} bytes, in the file's byte {@code order}
     */
    public record Array(String descr, char kind, int itemSize, boolean fortranOrder, int[] shape, ByteBuffer data) {
        /** The number of elements (1 for a 0-d array). */
        public long size() {
            long n = 1;
            for (int s : shape) n *= s;
            return n;
        }

        /** The byte order of multi-byte elements. */
        public ByteOrder order() {
            return data.order();
        }
    }

    /** Reads any fixed-size dtype, any number of dimensions; see {@link Array}. */
    public static Array readArray(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return readArray(in, file.toString());
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** Reads one .npy array from {@code in} (left just after its data); {@code name} names it in messages. */
    public static Array readArray(InputStream raw, String name) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || (magic[0] & 0xff) != 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new UserError(name + ": not a .npy file");
        }
        int major = magic[6];
        if (major < 1 || major > 3) throw new UserError(name + ": .npy format version " + major + " is not supported");
        byte[] len = in.readNBytes(major == 1 ? 2 : 4);
        if (len.length < (major == 1 ? 2 : 4)) throw new UserError(name + ": truncated .npy header");
        long hlen = major == 1 ? ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff
                : Integer.toUnsignedLong(ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getInt());
        if (hlen > MAX_HEADER) throw new UserError(name + ": .npy header too long (" + hlen + " bytes)");
        byte[] hb = in.readNBytes((int) hlen);
        if (hb.length != hlen) throw new UserError(name + ": truncated .npy header");
        String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) throw new UserError(name + ": malformed .npy header " + printable(header.trim()));
        String descr = d.group(1);
        Matcher t = DTYPE.matcher(descr);
        if (!t.matches()) {
            throw new UserError(name + ": dtype '" + printable(descr) + "' is not supported (numbers, bools and byte strings only)");
        }
        char kind = t.group(2).charAt(0);
        int item;
        try {
            item = Integer.parseInt(t.group(3));
        } catch (NumberFormatException e) {
            item = -1;
        }
        if (item < 1 || item > 1 << 16) throw new UserError(name + ": dtype '" + descr + "' has an unusable item size");
        int[] shape = parseShape(s.group(1), name);
        ByteOrder order = ">".equals(t.group(1)) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long n = 1;
        for (int dim : shape) n *= dim;
        long bytes = n * item;
        if (n > Integer.MAX_VALUE || bytes > Integer.MAX_VALUE - 16) {
            throw new UserError(name + ": array of " + n + " elements too large for one Java array");
        }
        byte[] data = in.readNBytes((int) bytes);
        if (data.length != bytes) {
            throw new UserError(name + ": truncated .npy data (" + data.length + " of " + bytes + " bytes)");
        }
        return new Array(descr, kind, item, f.group(1).equals("True"), shape, ByteBuffer.wrap(data).order(order));
    }

    /** Header text fit for a one-line message: anything but printable ASCII becomes '?'. */
    private static String printable(String s) {
        return s.replaceAll("[^ -~]", "?");
    }

    private static int[] parseShape(String text, String name) {
        List<Integer> dims = new ArrayList<>();
        for (String p : text.replace(" ", "").replace("\n", "").split(",")) {
            if (p.isEmpty()) continue;
            long v;
            try {
                v = Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
            } catch (NumberFormatException e) {
                throw new UserError(name + ": bad dimension '" + printable(p) + "' in the .npy header");
            }
            if (v < 0 || v > Integer.MAX_VALUE) throw new UserError(name + ": bad dimension " + p);
            dims.add((int) v);
        }
        if (dims.size() > 64) throw new UserError(name + ": " + dims.size() + " dimensions are too many");
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Reads member {@code member} (without its {@code .npy} suffix) of a {@code .npz} archive (numpy's
     * {@code savez}: a zip of .npy files, stored or deflated).
     */
    public static Array readNpz(Path file, String member) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            java.util.zip.ZipEntry e = zip.getEntry(member + ".npy");
            if (e == null) {
                List<String> names = new ArrayList<>();
                zip.stream().forEach(z -> names.add(z.getName().replaceAll("\\.npy$", "")));
                throw new UserError(file + ": no member '" + member + "' (members: " + String.join(", ", names) + ")");
            }
            try (InputStream in = zip.getInputStream(e)) {
                return readArray(in, file + ":" + member);
            }
        } catch (java.util.zip.ZipException e) {
            throw new UserError(file + ": not a .npz file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** A writer of one .npz member's bytes (its .npy header and data). */
    @FunctionalInterface
    public interface MemberWriter {
        void write(OutputStream out) throws IOException;
    }

    /** Writes a .npz archive with one member per entry (name without {@code .npy}), atomically. */
    public static void writeNpz(Path file, java.util.Map<String, MemberWriter> members) {
        AtomicFiles.write(file, out -> {
            java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out);
            for (var m : members.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(m.getKey() + ".npy"));
                m.getValue().write(zip);
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /** numpy's shape text: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    public static String shapeText(int[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < shape.length; k++) sb.append(k > 0 ? ", " : "").append(shape[k]);
        return sb.append(')').toString();
    }

    /**
     * The version 1.0 header (magic to newline) of a C-ordered array of dtype {@code descr} (e.g. {@code <f8},
     * {@code |S5}) and this shape; the data that follows starts at a multiple of 64 bytes.
     */
    public static byte[] header(String descr, int[] shape) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText(shape) + ", }";
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        byte[] h = (dict + " ".repeat(total - unpadded) + "\n").getBytes(StandardCharsets.US_ASCII);
        if (h.length > 0xffff) throw new UserError("shape " + shapeText(shape) + " makes a .npy header too long");
        ByteBuffer b = ByteBuffer.allocate(10 + h.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) h.length).put(h);
        return b.array();
    }

    /** Writes the array atomically (temporary file, then rename), one row at a time: no full copy is made. */
    public static void write(Path file, int rows, int cols, RowSource source) {
        AtomicFiles.write(file, out -> write(out, rows, cols, source));
    }

    public static void write(OutputStream out, int rows, int cols, RowSource source) throws IOException {
        out.write(header("<f8", new int[] {rows, cols}));
        double[] row = new double[cols];
        ByteBuffer buf = ByteBuffer.allocate(cols * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < rows; i++) {
            source.row(i, row);
            buf.clear();
            buf.asDoubleBuffer().put(row);
            out.write(buf.array(), 0, cols * Double.BYTES);
        }
    }

    /** Reads a 2-D (or 1-D, as one row) float64 .npy file (either byte order; Fortran order is transposed back). */
    public static Matrix read(Path file) {
        Array a = readArray(file);
        if (a.kind() != 'f' || a.itemSize() != 8 || a.shape().length < 1 || a.shape().length > 2) {
            throw new UserError(file + ": only 1-d or 2-d float64 arrays are supported, got dtype '" + a.descr()
                    + "' shape " + shapeText(a.shape()));
        }
        int rows = a.shape().length == 2 ? a.shape()[0] : 1;
        int cols = a.shape().length == 2 ? a.shape()[1] : a.shape()[0];
        double[] data = new double[Math.multiplyExact(rows, cols)];
        a.data().asDoubleBuffer().get(data);
        if (a.fortranOrder() && rows > 1 && cols > 1) {
            double[] c = new double[data.length];
            for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) c[i * cols + j] = data[j * rows + i];
            data = c;
        }
        return new Matrix(rows, cols, data);
    }
}
