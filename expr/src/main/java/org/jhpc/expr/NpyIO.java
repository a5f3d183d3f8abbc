package org.jhpc.expr;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jhpc.core.Npy;
import org.jhpc.core.UserError;

/**
 * .npy files as {@link NdArray}s, on core's one .npy reader and writer ({@link Npy}). Every dtype numpy writes
 * with a fixed item size is read and cast to the engine's types as numexpr casts its inputs: bool {@code b1};
 * int8, int16, int32, uint8, uint16 to int32; int64 and uint32 to int64 (uint64 is refused: no type holds it
 * safely, and numexpr refuses it too); float16 and float32 to float32; float64; complex64 and complex128 to complex128; byte
 * strings {@code S<n>}. Either byte order, up to 32 dimensions. Fortran-order files are read as the transposed view of their data,
 * without a copy. Files are written in C order with the engine's dtype ({@code <f8}, {@code <i4}, ... {@code |S<n>}).
 */
public final class NpyIO {
    private NpyIO() {}

    /** Reads a .npy file; problems are {@link ExprException}s naming the file. */
    public static NdArray read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new ExprException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Reads one .npy array from a stream ({@code name} names it in messages). */
    public static NdArray read(InputStream raw, String name) throws IOException {
        Npy.Array f;
        try {
            f = Npy.readArray(raw, name);
        } catch (UserError e) {
            throw new ExprException(e.getMessage());
        }
        return toArray(f, name);
    }

    /** Reads member {@code member} of a .npz archive (numpy's savez). */
    public static NdArray readNpz(Path file, String member) {
        try {
            return toArray(Npy.readNpz(file, member), file + ":" + member);
        } catch (UserError e) {
            throw new ExprException(e.getMessage());
        }
    }

    /** The engine's type for a .npy dtype (numexpr's casting of inputs), or null when it has none. */
    static DType engineType(char kind, int item) {
        return switch (kind) {
            case 'b' -> item == 1 ? DType.BOOL : null;
            case 'i' -> item == 1 || item == 2 || item == 4 ? DType.INT32 : item == 8 ? DType.INT64 : null;
            case 'u' -> item == 1 || item == 2 ? DType.INT32 : item == 4 ? DType.INT64 : null;   // uint64: no safe cast (numexpr refuses it)
            case 'f' -> item == 2 || item == 4 ? DType.FLOAT32 : item == 8 ? DType.FLOAT64 : null;
            case 'c' -> item == 8 || item == 16 ? DType.COMPLEX128 : null;
            case 'S' -> DType.BYTES;
            default -> null;
        };
    }

    /** Converts a file's array to the engine's storage (C order, or a transposed view of Fortran order). */
    static NdArray toArray(Npy.Array f, String name) {
        DType t = engineType(f.kind(), f.itemSize());
        if (t == null) {
            throw new ExprException(name + ": dtype '" + f.descr() + "' is not supported (bool, int8..int64, uint8..uint32, "
                    + "float16..float64, complex64, complex128, byte strings S<n>)");
        }
        int[] shape = f.shape();
        int nd = shape.length;
        if (nd > NdArray.MAX_DIMS) throw new ExprException(name + ": " + nd + "-d arrays are not supported (at most " + NdArray.MAX_DIMS + " dimensions)");
        boolean fortran = f.fortranOrder() && nd >= 2;
        int[] cshape = shape.clone();
        if (fortran) for (int d = 0; d < nd; d++) cshape[d] = shape[nd - 1 - d];        // column-major = reversed C order
        int item = t == DType.BYTES ? f.itemSize() : NdArray.defaultItem(t);
        NdArray a = NdArray.alloc(t, item, cshape);
        int n = a.size();
        ByteBuffer b = f.data();
        switch (f.kind() + "" + f.itemSize()) {
            case "f8" -> b.asDoubleBuffer().get((double[]) a.data());
            case "c16" -> b.asDoubleBuffer().get((double[]) a.data());
            case "c8" -> {
                double[] d = (double[]) a.data();
                for (int k = 0; k < 2 * n; k++) d[k] = b.getFloat(4 * k);
            }
            case "f4" -> b.asFloatBuffer().get((float[]) a.data());
            case "f2" -> {
                float[] d = (float[]) a.data();
                for (int k = 0; k < n; k++) d[k] = Float.float16ToFloat(b.getShort(2 * k));
            }
            case "i8" -> b.asLongBuffer().get((long[]) a.data());
            case "u4" -> {
                long[] d = (long[]) a.data();
                for (int k = 0; k < n; k++) d[k] = Integer.toUnsignedLong(b.getInt(4 * k));
            }
            case "i4" -> b.asIntBuffer().get((int[]) a.data());
            case "i2" -> {
                int[] d = (int[]) a.data();
                for (int k = 0; k < n; k++) d[k] = b.getShort(2 * k);
            }
            case "u2" -> {
                int[] d = (int[]) a.data();
                for (int k = 0; k < n; k++) d[k] = Short.toUnsignedInt(b.getShort(2 * k));
            }
            case "i1" -> {
                int[] d = (int[]) a.data();
                for (int k = 0; k < n; k++) d[k] = b.get(k);
            }
            case "u1" -> {
                int[] d = (int[]) a.data();
                for (int k = 0; k < n; k++) d[k] = Byte.toUnsignedInt(b.get(k));
            }
            case "b1" -> {
                boolean[] z = (boolean[]) a.data();
                for (int k = 0; k < n; k++) z[k] = b.get(k) != 0;
            }
            default -> b.get((byte[]) a.data());      // S<n>
        }
        return fortran ? a.transpose() : a;
    }

    /** numpy's header for a C-ordered array of this type and shape. */
    static byte[] header(NdArray a) {
        return Npy.header(a.dtype() == DType.BYTES ? "|S" + a.itemSize() : a.dtype().descr(), a.shape());
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
