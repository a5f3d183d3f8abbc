package org.jhpc.expr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strided view of up to {@link #MAX_DIMS} dimensions over one Java array, numpy's ndarray in miniature: element
 * {@code (i, j, ...)} lives at {@code offset + i*strides[0] + j*strides[1] + ...} (in elements, not bytes; any
 * stride, zero and negative included). Slicing, {@link #ravel()},
 * {@link #reshape} and {@link #transpose()} make new views of the same buffer and never copy; a reshape that would
 * need a copy is refused. Storage per {@link DType}: bool {@code boolean[]}, int32 {@code int[]}, int64
 * {@code long[]}, float32 {@code float[]}, float64 {@code double[]}, complex128 {@code double[]} of (re, im) pairs (offsets and strides
 * count complex elements), bytes {@code byte[]} of fixed-width items ({@link #itemSize()} bytes each).
 */
public final class NdArray {
    /** The most dimensions an array may have (numexpr's limit). */
    public static final int MAX_DIMS = 32;

    private final DType dtype;
    private final Object data;
    private final int itemSize;
    private final int offset;
    private final int[] shape;
    private final int[] strides;

    NdArray(DType dtype, Object data, int itemSize, int offset, int[] shape, int[] strides) {
        this.dtype = dtype;
        this.data = data;
        this.itemSize = itemSize;
        this.offset = offset;
        this.shape = shape;
        this.strides = strides;
        if (shape.length > MAX_DIMS) throw new ExprException("arrays have at most " + MAX_DIMS + " dimensions, got " + shape.length);
        for (int s : shape) if (s < 0) throw new ExprException("negative dimension in shape " + Arrays.toString(shape));
    }

    private static int[] cStrides(int[] shape) {
        int[] st = new int[shape.length];
        int s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            st[d] = s;
            s *= Math.max(1, shape[d]);
        }
        return st;
    }

    private static NdArray wrap(DType t, Object data, int itemSize, int length) {
        return new NdArray(t, data, itemSize, 0, new int[] {length}, new int[] {1});
    }

    /** A 1-D float64 view of {@code a} (shared, not copied); the {@code of} overloads below do the same for their types. */
    public static NdArray of(double... a) { return wrap(DType.FLOAT64, a, 8, a.length); }

    public static NdArray of(float... a) { return wrap(DType.FLOAT32, a, 4, a.length); }

    public static NdArray of(long... a) { return wrap(DType.INT64, a, 8, a.length); }

    public static NdArray of(int... a) { return wrap(DType.INT32, a, 4, a.length); }

    public static NdArray of(boolean... a) { return wrap(DType.BOOL, a, 1, a.length); }

    /** Complex values from interleaved (re, im) pairs. */
    public static NdArray ofComplex(double[] interleaved) {
        if (interleaved.length % 2 != 0) throw new ExprException("complex data needs an even number of doubles");
        return wrap(DType.COMPLEX128, interleaved, 16, interleaved.length / 2);
    }

    /** Fixed-width byte strings ({@code itemSize} bytes each, NUL-padded), numpy's {@code S<itemSize>}. */
    public static NdArray ofBytes(int itemSize, byte[] data) {
        if (itemSize < 1 || data.length % itemSize != 0) {
            throw new ExprException("byte data of " + data.length + " bytes is not a whole number of " + itemSize + "-byte items");
        }
        return wrap(DType.BYTES, data, itemSize, data.length / itemSize);
    }

    /** ASCII strings as a bytes array, padded to the longest. */
    public static NdArray ofStrings(String... s) {
        int w = Math.max(1, Arrays.stream(s).mapToInt(String::length).max().orElse(1));
        byte[] d = new byte[w * s.length];
        for (int i = 0; i < s.length; i++) {
            byte[] b = s[i].getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(b, 0, d, i * w, b.length);
        }
        return ofBytes(w, d);
    }

    /** A new zero-filled C-ordered array. */
    public static NdArray zeros(DType t, int... shape) {
        return alloc(t, defaultItem(t), shape);
    }

    /** A new array of NUL byte strings of width {@code itemSize}. */
    public static NdArray zerosBytes(int itemSize, int... shape) {
        return alloc(DType.BYTES, itemSize, shape);
    }

    static int defaultItem(DType t) {
        return switch (t) {
            case BOOL, BYTES -> 1;
            case INT32, FLOAT32 -> 4;
            case INT64, FLOAT64 -> 8;
            case COMPLEX128 -> 16;
        };
    }

    static NdArray alloc(DType t, int itemSize, int[] shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) throw new ExprException("negative dimension in shape " + Arrays.toString(shape));
            n *= s;
        }
        long words = t == DType.COMPLEX128 ? 2 * n : t == DType.BYTES ? n * itemSize : n;
        if (words > Integer.MAX_VALUE - 16) throw new ExprException("array of " + n + " elements exceeds Java's array limit");
        int w = (int) words;
        Object data = switch (t) {
            case BOOL -> new boolean[w];
            case INT32 -> new int[w];
            case INT64 -> new long[w];
            case FLOAT32 -> new float[w];
            case FLOAT64, COMPLEX128 -> new double[w];
            case BYTES -> new byte[w];
        };
        return new NdArray(t, data, itemSize, 0, shape.clone(), cStrides(shape));
    }

    /** A 0-d array holding one value (Boolean, Integer, Long, Double, Complex or byte[]). */
    public static NdArray scalar(Object v) {
        DType t = typeOf(v);
        if (t == null) throw new ExprException("unsupported scalar type " + (v == null ? "null" : v.getClass().getSimpleName()));
        NdArray a = alloc(t, t == DType.BYTES ? Math.max(1, ((byte[]) v).length) : defaultItem(t), new int[0]);
        a = new NdArray(t, a.data, a.itemSize, 0, new int[0], new int[0]);
        a.set(0, v);
        return a;
    }

    static DType typeOf(Object v) {
        if (v instanceof Double) return DType.FLOAT64;
        if (v instanceof Float) return DType.FLOAT32;
        if (v instanceof Long) return DType.INT64;
        if (v instanceof Integer) return DType.INT32;
        if (v instanceof Boolean) return DType.BOOL;
        if (v instanceof Complex) return DType.COMPLEX128;
        if (v instanceof byte[]) return DType.BYTES;
        return null;
    }

    /** The element type. */
    public DType dtype() { return dtype; }

    /** The number of dimensions (0 for a scalar). */
    public int ndim() { return shape.length; }

    /** The dimensions (a copy). */
    public int[] shape() { return shape.clone(); }

    /** The step between neighbours along each axis, in elements of the backing array (a copy; may be 0 or negative). */
    public int[] strides() { return strides.clone(); }

    /** The backing-array index (in elements) of the first element. */
    public int offset() { return offset; }

    /** The backing Java array (shared, not copied). */
    public Object data() { return data; }

    /** Bytes per element (the width of a byte string). */
    public int itemSize() { return itemSize; }

    /** The number of elements (1 for a scalar). */
    public int size() {
        int n = 1;
        for (int s : shape) n *= s;
        return n;
    }

    /** True when element k (C order) is at {@code offset + k}. */
    public boolean isContiguous() {
        int expect = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] == 0) return true;
            if (shape[d] != 1 && strides[d] != expect) return false;
            expect *= shape[d];
        }
        return true;
    }

    /** Storage index (in elements) of the k-th element in C order. */
    int index(long k) {
        int i = offset;
        for (int d = shape.length - 1; d >= 0; d--) {
            int n = shape[d];
            if (n == 0) return offset;
            i += (int) (k % n) * strides[d];
            k /= n;
        }
        return i;
    }

    /**
     * This array seen with {@code target}'s shape under numpy's broadcasting rules (dimensions aligned from the
     * right; a dimension of 1, or a missing one, repeats with stride 0). No copy is made.
     */
    public NdArray broadcastTo(int[] target) {
        if (Arrays.equals(shape, target)) return this;
        int nd = target.length;
        if (shape.length > nd) throw new ExprException("cannot broadcast shape " + shapeText(shape) + " to " + shapeText(target));
        int[] st = new int[nd];
        for (int d = 0; d < nd; d++) {
            int src = d - (nd - shape.length);
            if (src < 0) continue;
            if (shape[src] == target[d]) st[d] = strides[src];
            else if (shape[src] == 1) st[d] = 0;
            else throw new ExprException("cannot broadcast shape " + shapeText(shape) + " to " + shapeText(target));
        }
        return new NdArray(dtype, data, itemSize, offset, target.clone(), st);
    }

    /** numpy's broadcast shape of two shapes, or null when they do not broadcast. */
    public static int[] broadcastShape(int[] a, int[] b) {
        int nd = Math.max(a.length, b.length);
        int[] r = new int[nd];
        for (int d = 0; d < nd; d++) {
            int x = d - (nd - a.length) >= 0 ? a[d - (nd - a.length)] : 1;
            int y = d - (nd - b.length) >= 0 ? b[d - (nd - b.length)] : 1;
            if (x != y && x != 1 && y != 1) return null;
            r[d] = x == 1 ? y : x;
        }
        return r;
    }

    /**
     * The view {@code a[start:stop:step]} along {@code axis} with Python's meaning: negative indices count from the
     * end and out-of-range bounds are clipped. {@link Integer#MAX_VALUE} as stop means "to the end"
     * ({@code Integer.MIN_VALUE} for a negative step).
     */
    public NdArray slice(int axis, int start, int stop, int step) {
        if (axis < 0) axis += shape.length;
        if (axis < 0 || axis >= shape.length) throw new ExprException("axis " + axis + " out of range for a " + shape.length + "-d array");
        if (step == 0) throw new ExprException("slice step cannot be zero");
        int n = shape[axis];
        long lo;
        long hi;
        if (step > 0) {
            lo = clip(start, n, 0, n);
            hi = stop == Integer.MAX_VALUE ? n : clip(stop, n, 0, n);
        } else {
            lo = start == Integer.MAX_VALUE ? n - 1 : clip(start, n, -1, n - 1);
            hi = stop == Integer.MIN_VALUE ? -1 : clip(stop, n, -1, n - 1);
        }
        int len = step > 0 ? (int) Math.max(0, (hi - lo + step - 1) / step) : (int) Math.max(0, (lo - hi + (-step) - 1) / (-step));
        int[] sh = shape.clone();
        int[] st = strides.clone();
        sh[axis] = len;
        st[axis] = strides[axis] * step;
        int off = len == 0 ? offset : offset + (int) lo * strides[axis];
        return new NdArray(dtype, data, itemSize, off, sh, st);
    }

    private static long clip(long i, int n, int min, int max) {
        if (i < 0) i += n;
        return Math.max(min, Math.min(max, i));
    }

    /** {@code a[start:stop]} of a 1-D array (Python bounds; {@link Integer#MAX_VALUE} = to the end). */
    public NdArray slice(int start, int stop) {
        return slice(0, start, stop, 1);
    }

    /** Row {@code i} of a 2-D array as a 1-D view. */
    public NdArray row(int i) {
        if (shape.length != 2) throw new ExprException("row() needs a 2-d array");
        if (i < 0) i += shape[0];
        if (i < 0 || i >= shape[0]) throw new ExprException("row " + i + " out of range for " + shape[0] + " rows");
        return new NdArray(dtype, data, itemSize, offset + i * strides[0], new int[] {shape[1]}, new int[] {strides[1]});
    }

    /** The view with the axes in reverse order (numpy's {@code a.T}; 1-D and 0-D arrays are returned as they are). */
    public NdArray transpose() {
        if (shape.length < 2) return this;
        int nd = shape.length;
        int[] sh = new int[nd];
        int[] st = new int[nd];
        for (int d = 0; d < nd; d++) {
            sh[d] = shape[nd - 1 - d];
            st[d] = strides[nd - 1 - d];
        }
        return new NdArray(dtype, data, itemSize, offset, sh, st);
    }

    /** The same elements as a contiguous 1-D view; refused (no copy is made) when the view is not contiguous. */
    public NdArray ravel() {
        return reshape(size());
    }

    /** The same elements in a new shape (C order) without copying; -1 in one place is inferred. */
    public NdArray reshape(int... newShape) {
        int[] sh = newShape.clone();
        int known = 1;
        int infer = -1;
        for (int d = 0; d < sh.length; d++) {
            if (sh[d] == -1 && infer < 0) infer = d;
            else if (sh[d] < 0) throw new ExprException("bad dimension " + sh[d] + " in reshape " + Arrays.toString(newShape));
            else known *= sh[d];
        }
        if (infer >= 0) {
            if (known == 0 || size() % known != 0) throw new ExprException("cannot reshape " + size() + " elements into " + Arrays.toString(newShape));
            sh[infer] = size() / known;
        }
        long total = 1;
        for (int s : sh) total *= s;
        if (total != size()) {
            throw new ExprException("cannot reshape an array of " + size() + " elements into shape " + Arrays.toString(newShape));
        }
        if (!isContiguous()) {
            throw new ExprException("reshape/ravel of a non-contiguous view would need a copy; copy it first with copy()");
        }
        return new NdArray(dtype, data, itemSize, offset, sh, cStrides(sh));
    }

    /** A C-ordered copy. */
    public NdArray copy() {
        NdArray c = alloc(dtype, itemSize, shape);
        for (int k = 0, n = size(); k < n; k++) c.set(k, get(k));
        return c;
    }

    /** The k-th element in C order, boxed as in {@link Scalars} (byte strings without trailing NULs). */
    public Object get(long k) {
        int i = index(k);
        return switch (dtype) {
            case BOOL -> ((boolean[]) data)[i];
            case INT32 -> ((int[]) data)[i];
            case INT64 -> ((long[]) data)[i];
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
            case COMPLEX128 -> new Complex(((double[]) data)[2 * i], ((double[]) data)[2 * i + 1]);
            case BYTES -> {
                byte[] b = Arrays.copyOfRange((byte[]) data, i * itemSize, (i + 1) * itemSize);
                yield Arrays.copyOf(b, Scalars.length(b));
            }
        };
    }

    /** Element k (C order) as a double (bool 0/1, integers converted, complex: the real part). */
    public double getDouble(long k) {
        Object v = get(k);
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof Complex c) return c.re();
        if (v instanceof Number x) return x.doubleValue();
        throw new ExprException("bytes element is not a number");
    }

    /** Sets the k-th element (C order) from a boxed value of this array's type. */
    public void set(long k, Object v) {
        int i = index(k);
        switch (dtype) {
            case BOOL -> ((boolean[]) data)[i] = (Boolean) v;
            case INT32 -> ((int[]) data)[i] = (Integer) v;
            case INT64 -> ((long[]) data)[i] = (Long) v;
            case FLOAT32 -> ((float[]) data)[i] = (Float) v;
            case FLOAT64 -> ((double[]) data)[i] = (Double) v;
            case COMPLEX128 -> {
                ((double[]) data)[2 * i] = ((Complex) v).re();
                ((double[]) data)[2 * i + 1] = ((Complex) v).im();
            }
            case BYTES -> {
                byte[] b = (byte[]) v;
                if (b.length > itemSize) throw new ExprException("string of " + b.length + " bytes does not fit items of " + itemSize);
                Arrays.fill((byte[]) data, i * itemSize, (i + 1) * itemSize, (byte) 0);
                System.arraycopy(b, 0, (byte[]) data, i * itemSize, b.length);
            }
        }
    }

    /** The elements in C order as doubles (a copy). */
    public double[] toDoubleArray() {
        double[] r = new double[size()];
        for (int k = 0; k < r.length; k++) r[k] = getDouble(k);
        return r;
    }

    /** numpy's shape text: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    public static String shapeText(int[] shape) {
        if (shape.length == 1) return "(" + shape[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int d = 0; d < shape.length; d++) sb.append(d > 0 ? ", " : "").append(shape[d]);
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return "NdArray(" + dtype + ", shape=" + shapeText(shape) + ")";
    }
}
