package org.jhpc.expr;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Evaluates a {@link Program} block by block over the threads of the {@link Pool}. Element-wise programs split
 * the flat (C-order) index range into blocks; reductions over all elements keep one partial per block and
 * combine the partials in block order, so the result does not depend on the thread count; {@code axis=1} gives
 * each row to one worker, {@code axis=0} gives each worker a stripe of columns and adds rows in order (numpy's
 * order for a C array).
 */
final class Engine {
    private Engine() {}

    static volatile int blockSize = 2048;
    static volatile int serialCutoff = 32_768;

    /** A program plus the frames its workers reuse between evaluations. */
    static final class Compiled {
        final Program p;
        final ConcurrentLinkedQueue<Frame> frames = new ConcurrentLinkedQueue<>();
        volatile Object fused;   // null, a Fused, or the failure marker
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        Compiled(Program p) {
            this.p = p;
        }

        Frame acquire(NdArray[] inputs, int block) {
            Frame f = frames.poll();
            while (f != null && f.block != block) f = frames.poll();
            if (f == null) f = new Frame(p, block);
            f.k = Exec.current();
            f.bindScalars(inputs);
            return f;
        }

        void release(Frame f) {
            if (frames.size() < 64) frames.offer(f);
        }
    }

    static int threadsFor(long size, int units) {
        if (size < serialCutoff) return 1;
        return Math.min(Pool.threads(), units);
    }

    /** Element-wise evaluation of {@code size} elements into {@code out} (any view of a safe type). */
    static void elementwise(Compiled c, NdArray[] inputs, NdArray out, long size) {
        int block = blockSize;
        int units = (int) ((size + block - 1) / block);
        boolean direct = out.isContiguous() && out.dtype() == c.p.resultType;
        Pool.run(units, threadsFor(size, units), () -> new Pool.Worker() {
            final Frame f = c.acquire(inputs, block);

            @Override
            public void unit(int u) {
                long start = (long) u * block;
                int n = (int) Math.min(block, size - start);
                f.run(inputs, start, n, direct ? out : null);
                if (!direct) f.scatter(c.p.result, out, start, n);
            }

            @Override
            public void done() {
                c.release(f);
            }
        });
    }

    /** sum/prod over all elements into the 0-d array {@code out}. */
    static void reduceAll(Compiled c, NdArray[] inputs, NdArray out, long size) {
        int block = blockSize;
        int units = (int) Math.max(1, (size + block - 1) / block);
        DType t = c.p.resultType;
        Op sum = c.p.reduce;
        Object partials = Frame.alloc(t, 8, units);
        Pool.run(units, threadsFor(size, units), () -> new Pool.Worker() {
            final Frame f = c.acquire(inputs, block);

            @Override
            public void unit(int u) {
                long start = (long) u * block;
                int n = (int) Math.min(block, size - start);
                if (n > 0) f.run(inputs, start, n, null);
                partial(f.k, t, sum, f.arr[c.p.result], f.off[c.p.result], Math.max(0, n), partials, u);
            }

            @Override
            public void done() {
                c.release(f);
            }
        });
        Object total = Frame.alloc(t, 8, 1);
        partial(Exec.current(), t, sum, partials, 0, units, total, 0);
        write(t, total, 0, out, 0);
    }

    /**
     * Reduces n elements of {@code a} (type t) into {@code dst[k]} with the reduction {@code red} (NaN propagates
     * through min/max); complex sums and products here, every other pair through the generated {@link Dispatch}.
     */
    static void partial(Exec.Kernels ks, DType t, Op red, Object a, int ao, int n, Object dst, int k) {
        if (t == DType.COMPLEX128) {
            double[] acc = new double[2];
            if (red == Op.SUM) CKernels.sum((double[]) a, ao, n, acc);
            else CKernels.prod((double[]) a, ao, n, acc);
            ((double[]) dst)[2 * k] = acc[0];
            ((double[]) dst)[2 * k + 1] = acc[1];
            return;
        }
        Dispatch.partial(ks, red, t, a, ao, n, dst, k);
    }

    /** acc[ao..ao+n) = acc[ao..ao+n) (op) x[xo..xo+n) element-wise. */
    static void accumulate(Exec.Kernels ks, DType t, Op red, Object acc, int ao, Object x, int xo, int n) {
        if (t == DType.COMPLEX128) {
            if (red == Op.SUM) C128.add((double[]) acc, ao, (double[]) x, xo, (double[]) acc, ao, n);
            else C128.mul((double[]) acc, ao, (double[]) x, xo, (double[]) acc, ao, n);
            return;
        }
        Dispatch.accumulate(ks, red, t, acc, ao, x, xo, n);
    }

    /** Copies value k of a reduction buffer (type t) into element j of out, converting to out's type. */
    static void write(DType t, Object src, int k, NdArray out, long j) {
        Object v = switch (t) {
            case FLOAT64 -> ((double[]) src)[k];
            case INT64 -> ((long[]) src)[k];
            case BOOL -> ((boolean[]) src)[k];
            default -> new Complex(((double[]) src)[2 * k], ((double[]) src)[2 * k + 1]);
        };
        out.set(j, Scalars.cast(v, out.dtype()));
    }

    /**
     * A reduction along one axis: the shape seen as {@code outer x len x inner} (C order), reduced over
     * {@code len} into {@code out} (outer x inner elements, C order). With {@code inner == 1} each output element is
     * one worker's unit; otherwise each unit is a stripe of inner elements of one outer index, reduced row after
     * row in order (numpy's order for a C array), so the result does not depend on the thread count.
     */
    static void reduceAxis(Compiled c, NdArray[] inputs, NdArray out, int outer, int len, int inner) {
        int block = blockSize;
        DType t = c.p.resultType;
        Op sum = c.p.reduce;
        long size = (long) outer * len * inner;
        if (inner == 1) {
            int cols = len;
            Pool.run(outer, threadsFor(size, outer), () -> new Pool.Worker() {
                final Frame f = c.acquire(inputs, block);
                final Object acc = Frame.alloc(t, 8, 2);

                @Override
                public void unit(int i) {
                    partial(f.k, t, sum, Frame.alloc(t, 8, 0), 0, 0, acc, 0);
                    for (int s = 0; s < cols; s += block) {
                        int n = Math.min(block, cols - s);
                        f.run(inputs, (long) i * cols + s, n, null);
                        partial(f.k, t, sum, f.arr[c.p.result], f.off[c.p.result], n, acc, 1);
                        accumulate(f.k, t, sum, acc, 0, acc, 1, 1);
                    }
                    write(t, acc, 0, out, i);
                }

                @Override
                public void done() {
                    c.release(f);
                }
            });
            return;
        }
        int rows = len;
        int cols = inner;
        int threads = Pool.threads();
        int width = Math.max(1, Math.min(block, size < serialCutoff ? cols : Math.max(64, (cols + 4 * threads - 1) / (4 * threads))));
        int stripes = (cols + width - 1) / width;
        int units = outer * stripes;
        Pool.run(units, threadsFor(size, units), () -> new Pool.Worker() {
            final Frame f = c.acquire(inputs, block);
            final Object acc = Frame.alloc(t, 8, width);

            @Override
            public void unit(int u) {
                long o = u / stripes;
                int j0 = (u % stripes) * width;
                int w = Math.min(width, cols - j0);
                long base = o * rows * cols;
                long dst = o * cols + j0;
                for (int i = 0; i < rows; i++) {
                    f.run(inputs, base + (long) i * cols + j0, w, null);
                    if (i == 0) MiscKernels.cast(t, t, f.arr[c.p.result], f.off[c.p.result], acc, 0, w, 8);
                    else accumulate(f.k, t, sum, acc, 0, f.arr[c.p.result], f.off[c.p.result], w);
                }
                if (rows == 0) {
                    Object id = Frame.alloc(t, 8, 1);
                    partial(f.k, t, sum, id, 0, 0, id, 0);
                    for (int j = 0; j < w; j++) write(t, id, 0, out, dst + j);
                    return;
                }
                for (int j = 0; j < w; j++) write(t, acc, j, out, dst + j);
            }

            @Override
            public void done() {
                c.release(f);
            }
        });
    }
}
