package org.jhpc.expr;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * numpy's {@code .npy} format for the engine's types: {@code <f8}, {@code <f4}, {@code <i8}, {@code <i4}, {@code |b1},
 * {@code <c16} and byte strings {@code |S<n>}, 0-, 1- or 2-D. Files are written in C order (version 1.0, header
 * padded to 64 bytes); Fortran-order 2-D files are read as the transposed view of their data, without a copy.
 */
public final class NpyIO {
    private NpyIO() {}

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** Reads a .npy file; problems are {@link ExprException}s naming the file. */
    public static NdArray read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new ExprException("cannot read " + file + ": " + e.getMessage());
        }
    }

    public static NdArray read(InputStream raw, String name) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || (magic[0] & 0xff) != 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new ExprException(name + ": not a .npy file");
        }
        int major = magic[6];
        long hlen = major == 1 ? Short.toUnsignedInt(Short.reverseBytes(in.readShort()))
                : Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
        if (hlen > 1 << 20) throw new ExprException(name + ": .npy header too long (" + hlen + " bytes)");
        String header = new String(in.readNBytes((int) hlen), StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) throw new ExprException(name + ": malformed .npy header " + header.trim());
        String descr = d.group(1);
        boolean fortran = f.group(1).equals("True");
        String[] parts = s.group(1).replace(" ", "").split(",");
        int nd = 0;
        int[] dims = new int[parts.length];
        for (String p : parts) {
            if (p.isEmpty()) continue;
            long v = Long.parseLong(p);
            if (v < 0 || v > Integer.MAX_VALUE) throw new ExprException(name + ": bad dimension " + p);
            dims[nd++] = (int) v;
        }
        if (nd > 2) throw new ExprException(name + ": " + nd + "-d arrays are not supported (at most 2 dimensions)");
        int[] shape = java.util.Arrays.copyOf(dims, nd);
        DType t;
        int item;
        switch (descr) {
            case "<f8" -> { t = DType.FLOAT64; item = 8; }
            case "<i8" -> { t = DType.INT64; item = 8; }
            case "<i4" -> { t = DType.INT32; item = 4; }
            case "<f4" -> { t = DType.FLOAT32; item = 4; }
            case "|b1" -> { t = DType.BOOL; item = 1; }
            case "<c16" -> { t = DType.COMPLEX128; item = 16; }
            default -> {
                if (descr.matches("[|<>]S\\d+")) {
                    t = DType.BYTES;
                    item = Integer.parseInt(descr.substring(2));
                    if (item < 1) throw new ExprException(name + ": zero-width byte strings are not supported");
                } else {
                    throw new ExprException(name + ": dtype '" + descr + "' is not supported (float64 <f8, float32 <f4, int64 <i8, "
                            + "int32 <i4, bool |b1, complex128 <c16, byte strings |S<n>; little-endian)");
                }
            }
        }
        int[] cshape = fortran && nd == 2 ? new int[] {shape[1], shape[0]} : shape;
        NdArray a = NdArray.alloc(t, item, cshape);
        long bytes = (long) a.size() * item;
        if (bytes > Integer.MAX_VALUE - 16) throw new ExprException(name + ": array too large for one Java array");
        byte[] data = in.readNBytes((int) bytes);
        if (data.length != bytes) throw new ExprException(name + ": truncated .npy data (" + data.length + " of " + bytes + " bytes)");
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        switch (t) {
            case FLOAT64, COMPLEX128 -> b.asDoubleBuffer().get((double[]) a.data());
            case INT64 -> b.asLongBuffer().get((long[]) a.data());
            case INT32 -> b.asIntBuffer().get((int[]) a.data());
            case FLOAT32 -> b.asFloatBuffer().get((float[]) a.data());
            case BOOL -> {
                boolean[] z = (boolean[]) a.data();
                for (int i = 0; i < z.length; i++) z[i] = data[i] != 0;
            }
            case BYTES -> System.arraycopy(data, 0, a.data(), 0, data.length);
        }
        return fortran && nd == 2 ? a.transpose() : a;
    }

    /** numpy's header dict for a C-ordered array of this type and shape. */
    static byte[] header(NdArray a) {
        String descr = a.dtype() == DType.BYTES ? "|S" + a.itemSize() : a.dtype().descr();
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + NdArray.shapeText(a.shape()) + ", }";
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        byte[] h = (dict + " ".repeat(total - unpadded) + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(10 + h.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) h.length).put(h);
        return b.array();
    }

    /** Writes any view in C order. */
    public static void write(OutputStream out, NdArray a) throws IOException {
        out.write(header(a));
        int n = a.size();
        int item = a.dtype() == DType.BYTES ? a.itemSize() : NdArray.defaultItem(a.dtype());
        int chunk = Math.max(1, (1 << 16) / item);
        ByteBuffer buf = ByteBuffer.allocate(chunk * item).order(ByteOrder.LITTLE_ENDIAN);
        for (int k0 = 0; k0 < n; k0 += chunk) {
            int m = Math.min(chunk, n - k0);
            buf.clear();
            for (int k = k0; k < k0 + m; k++) {
                Object v = a.get(k);
                switch (a.dtype()) {
                    case FLOAT64 -> buf.putDouble((Double) v);
                    case INT64 -> buf.putLong((Long) v);
                    case INT32 -> buf.putInt((Integer) v);
                    case FLOAT32 -> buf.putFloat((Float) v);
                    case BOOL -> buf.put((byte) ((Boolean) v ? 1 : 0));
                    case COMPLEX128 -> buf.putDouble(((Complex) v).re()).putDouble(((Complex) v).im());
                    case BYTES -> {
                        byte[] s = (byte[]) v;
                        buf.put(s);
                        for (int p = s.length; p < item; p++) buf.put((byte) 0);
                    }
                }
            }
            out.write(buf.array(), 0, buf.position());
        }
    }
}
