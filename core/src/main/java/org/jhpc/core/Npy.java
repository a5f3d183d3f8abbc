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

/**
 * numpy's {@code .npy} format (version 1.0) for 2-D little-endian float64 arrays in C order: the magic
 * {@code \x93NUMPY}, version bytes, a little-endian uint16 header length, then an ASCII header dict padded with
 * spaces and a newline so that the data starts at a multiple of 64 bytes, then the raw values.
 */
public final class Npy {
    private Npy() {}

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

    /** The .npy (version 1.0) header of a C-order rows × cols float64 array, padded to a multiple of 64 bytes. */
    public static byte[] header(int rows, int cols) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String padded = dict + " ".repeat(total - unpadded) + "\n";
        byte[] h = padded.getBytes(StandardCharsets.US_ASCII);
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
        out.write(header(rows, cols));
        double[] row = new double[cols];
        ByteBuffer buf = ByteBuffer.allocate(cols * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < rows; i++) {
            source.row(i, row);
            buf.clear();
            buf.asDoubleBuffer().put(row);
            out.write(buf.array(), 0, cols * Double.BYTES);
        }
    }

    /** Reads a 2-D (or 1-D, as one row) C-order little-endian float64 .npy file. */
    public static Matrix read(Path file) {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            byte[] magic = in.readNBytes(8);
            if (magic.length < 8 || (magic[0] & 0xff) != 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
                throw new UserError(file + ": not a .npy file");
            }
            int major = magic[6];
            int hlen = major == 1 ? Short.toUnsignedInt(Short.reverseBytes(in.readShort())) : Integer.reverseBytes(in.readInt());
            String header = new String(in.readNBytes(hlen), StandardCharsets.US_ASCII);
            if (!header.contains("'<f8'") || header.contains("'fortran_order': True")) {
                throw new UserError(file + ": only little-endian float64 C-order arrays are supported, header " + header.trim());
            }
            String shape = header.replaceAll(".*'shape': \\(([^)]*)\\).*", "$1").replace(" ", "").replace("\n", "");
            String[] dims = shape.split(",");
            int rows = dims.length >= 2 ? Integer.parseInt(dims[0]) : 1;
            int cols = Integer.parseInt(dims.length >= 2 ? dims[1] : dims[0]);
            double[] data = new double[Math.multiplyExact(rows, cols)];
            byte[] bytes = in.readNBytes(data.length * Double.BYTES);
            if (bytes.length != data.length * Double.BYTES) throw new UserError(file + ": truncated .npy data");
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(data);
            return new Matrix(rows, cols, data);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + AtomicFiles.describe(e), e);
        }
    }
}
