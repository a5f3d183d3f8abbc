package org.jhpc.expr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** .npy round trips for every type and rank, strided views written in C order, and refused inputs. */
class NpyIOTest {
    private static NdArray roundTrip(NdArray a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyIO.write(out, a);
        byte[] b = out.toByteArray();
        assertEquals(0, (b.length - a.size() * (long) (a.dtype() == DType.BYTES ? a.itemSize() : NdArray.defaultItem(a.dtype()))) % 64,
                "header padded to 64 bytes");
        return NpyIO.read(new ByteArrayInputStream(b), "mem");
    }

    @Test
    void everyTypeRoundTrips() throws IOException {
        List<NdArray> arrays = List.of(NdArray.of(1.5, -2.25, Double.NaN), NdArray.of(1.5f, -0.1f), NdArray.of(1L, Long.MIN_VALUE), NdArray.of(7, -8, 9),
                NdArray.of(true, false), NdArray.ofComplex(new double[] {1, 2, 3, -4}), NdArray.ofStrings("ab", "", "xyz"),
                NdArray.scalar(3.5), NdArray.of(new double[] {1, 2, 3, 4, 5, 6}).reshape(2, 3).transpose(),
                NdArray.zeros(DType.FLOAT64, 0));
        for (NdArray a : arrays) {
            NdArray b = roundTrip(a);
            assertEquals(a.dtype(), b.dtype());
            assertArrayEquals(a.shape(), b.shape());
            for (int k = 0; k < a.size(); k++) {
                Object x = a.get(k);
                Object y = b.get(k);
                assertTrue(x instanceof byte[] bx ? Arrays.equals(bx, (byte[]) y) : x.equals(y), a + " element " + k);
            }
        }
    }

    @Test
    void fortranOrderIsReadAsATransposedView() throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] h = NpyIO.header(NdArray.zeros(DType.FLOAT64, 2, 3));
        String text = new String(h, 10, h.length - 10, java.nio.charset.StandardCharsets.US_ASCII);
        String fixed = dict + " ".repeat(text.length() - dict.length() - 1) + "\n";
        out.write(h, 0, 10);
        out.write(fixed.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(48).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (double v : new double[] {0, 3, 1, 4, 2, 5}) b.putDouble(v);   // column-major [[0,1,2],[3,4,5]]
        out.write(b.array());
        NdArray m = NpyIO.read(new ByteArrayInputStream(out.toByteArray()), "f.npy");
        assertArrayEquals(new int[] {2, 3}, m.shape());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, m.toDoubleArray());
    }

    @Test
    void badFilesAreRefused() {
        ExprException e = assertThrows(ExprException.class, () -> NpyIO.read(new ByteArrayInputStream("hello".getBytes()), "x.npy"));
        assertEquals("x.npy: not a .npy file", e.getMessage());
        byte[] h = NpyIO.header(NdArray.zeros(DType.FLOAT64, 4));
        byte[] cut = Arrays.copyOf(h, h.length + 8);
        e = assertThrows(ExprException.class, () -> NpyIO.read(new ByteArrayInputStream(cut), "t.npy"));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        byte[] f4 = new String(h, java.nio.charset.StandardCharsets.ISO_8859_1).replace("<f8", "<f16").replace("}  ", "} ").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] f16 = Arrays.copyOf(f4, f4.length + 4 * 16);
        e = assertThrows(ExprException.class, () -> NpyIO.read(new ByteArrayInputStream(f16), "f16.npy"));
        assertTrue(e.getMessage().contains("dtype '<f16' is not supported"), e.getMessage());
    }

    private static NdArray resource(String name) throws IOException {
        try (var in = NpyIOTest.class.getResourceAsStream("/npy/" + name + ".npy")) {
            if (in == null) throw new IllegalStateException("missing test resource npy/" + name + ".npy");
            return NpyIO.read(in, name + ".npy");
        }
    }

    /** Files numpy wrote (peers/python/expr_npy_dtypes.py) are cast as numexpr casts its inputs. */
    @Test
    void numpyDtypesAreCastAsNumexprDoes() throws IOException {
        record Want(String file, DType type, Object... values) {}
        List<Want> wants = List.of(new Want("u1", DType.INT32, 0, 7, 255), new Want("u2", DType.INT32, 0, 7, 65535),
                new Want("u4", DType.INT64, 0L, 7L, 4294967295L),
                new Want("i1", DType.INT32, -128, 7, 127), new Want("i2", DType.INT32, -32768, 7, 32767),
                new Want("f2", DType.FLOAT32, 0.5f, -2.0f, 65504.0f),
                new Want("c8", DType.COMPLEX128, new Complex(1.5, -2), new Complex(0, 0.25), new Complex(-3, 0)),
                new Want("be_f8", DType.FLOAT64, 1.5, -2.25, 1e300), new Want("be_i4", DType.INT32, 1, -2, Integer.MAX_VALUE),
                new Want("fortran_i2", DType.INT32, 1, 2, 3, 4, 5, 6));
        for (Want w : wants) {
            NdArray a = resource(w.file());
            assertEquals(w.type(), a.dtype(), w.file());
            assertEquals(w.values().length, a.size(), w.file());
            for (int k = 0; k < w.values().length; k++) assertEquals(w.values()[k], a.get(k), w.file() + "[" + k + "]");
        }
        assertArrayEquals(new int[] {2, 3}, resource("fortran_i2").shape());
        ExprException e = assertThrows(ExprException.class, () -> resource("u8"));
        assertTrue(e.getMessage().contains("dtype '<u8' is not supported"), e.getMessage());
    }
}
