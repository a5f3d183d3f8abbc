package org.jhpc.expr;

/**
 * One worker's registers for one program: a block-sized buffer per temporary, per constant and scalar input
 * (broadcast: filled once) and per strided input (gathered each block), plus the (array, offset) view of every
 * register for the current block.
 */
final class Frame {
    final Program p;
    final int block;
    final Object[] buf;
    final Object[] arr;
    final int[] off;
    final int[] idx;
    /** The kernels of the current evaluation (set when the frame is acquired). */
    Exec.Kernels k = Exec.SCALAR;

    Frame(Program p, int block) {
        this.p = p;
        this.block = block;
        int nr = p.regs.length;
        buf = new Object[nr];
        arr = new Object[nr];
        off = new int[nr];
        idx = new int[block];
        for (int r = 0; r < nr; r++) {
            Program.Reg g = p.regs[r];
            buf[r] = alloc(g.type(), g.itemSize(), block);
            if (g.kind() == Program.Kind.CONST) fill(buf[r], g.type(), g.itemSize(), g.value(), block);
            arr[r] = buf[r];
        }
    }

    static Object alloc(DType t, int itemSize, int n) {
        return switch (t) {
            case BOOL -> new boolean[n];
            case INT32 -> new int[n];
            case INT64 -> new long[n];
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
            case COMPLEX128 -> new double[2 * n];
            case BYTES -> new byte[itemSize * n];
        };
    }

    static void fill(Object b, DType t, int itemSize, Object v, int n) {
        switch (t) {
            case BOOL -> java.util.Arrays.fill((boolean[]) b, (Boolean) v);
            case INT32 -> java.util.Arrays.fill((int[]) b, (Integer) v);
            case INT64 -> java.util.Arrays.fill((long[]) b, (Long) v);
            case FLOAT32 -> java.util.Arrays.fill((float[]) b, (Float) v);
            case FLOAT64 -> java.util.Arrays.fill((double[]) b, (Double) v);
            case COMPLEX128 -> {
                double[] d = (double[]) b;
                for (int i = 0; i < n; i++) {
                    d[2 * i] = ((Complex) v).re();
                    d[2 * i + 1] = ((Complex) v).im();
                }
            }
            case BYTES -> {
                byte[] d = (byte[]) b;
                byte[] s = (byte[]) v;
                java.util.Arrays.fill(d, (byte) 0);
                for (int i = 0; i < n; i++) System.arraycopy(s, 0, d, i * itemSize, Math.min(s.length, itemSize));
            }
        }
    }

    /** Broadcasts the scalar inputs of this evaluation. */
    void bindScalars(NdArray[] inputs) {
        for (int r = 0; r < inputs.length; r++) {
            NdArray a = inputs[r];
            if (a != null && a.ndim() == 0) {
                Program.Reg g = p.regs[r];
                fill(buf[r], g.type(), g.itemSize(), a.get(0), block);
            }
        }
    }

    /**
     * Evaluates elements {@code [start, start+n)} (C order) into the result register; with {@code out} non-null
     * (contiguous, of the result type) the result is written straight into it.
     */
    void run(NdArray[] inputs, long start, int n, NdArray out) {
        for (int r = 0; r < inputs.length; r++) {
            NdArray a = inputs[r];
            if (a == null) continue;
            if (a.ndim() == 0) {
                arr[r] = buf[r];
                off[r] = 0;
            } else if (a.isContiguous()) {
                arr[r] = a.data();
                off[r] = a.offset() + (int) start;
            } else {
                gather(a, start, n, buf[r]);
                arr[r] = buf[r];
                off[r] = 0;
            }
        }
        int res = p.result;
        if (out != null) {
            arr[res] = out.data();
            off[res] = out.offset() + (int) start;
        } else {
            arr[res] = buf[res];
            off[res] = 0;
        }
        for (Program.Ins ins : p.code) Exec.run(k, ins, p.regs, arr, off, n);
    }

    void gather(NdArray a, long start, int n, Object dst) {
        Views.gather(a, start, n, dst, idx);
    }

    /** Writes n result elements (register {@code res}) into a strided or differently typed output view. */
    void scatter(int res, NdArray out, long start, int n) {
        Object src = arr[res];
        int so = off[res];
        DType from = p.regs[res].type();
        if (from != out.dtype()) {
            Object tmp = alloc(out.dtype(), out.itemSize(), n);
            MiscKernels.cast(from, out.dtype(), src, so, tmp, 0, n, out.itemSize());
            src = tmp;
            so = 0;
        }
        Views.scatter(src, so, out, start, n, idx);
    }
}
