package org.jhpc.expr;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jhpc.core.Config;
import org.jhpc.core.Simd;

/**
 * Chooses the tier for an evaluation: the fused generated loop ({@link Fused}) when the program is code it handles
 * (see {@link Fused#whyNot}), the output has the result's type, and the program is hot (evaluated before, or over at
 * least {@link #HOT_SIZE} elements); else the block interpreter. Operands and outputs that are not contiguous
 * (strided, negative strides, broadcast rows or columns) are gathered into (and scattered from) one chunk-sized
 * buffer per worker, so the generated loop always reads contiguous memory. Generation happens once per compiled
 * program; if it fails, the program stays on the interpreter.
 */
final class Tiers {
    private Tiers() {}

    static final long HOT_SIZE = 1 << 16;
    /** Elements per work unit of the fused tier (no temporaries, so larger than an interpreter block). */
    static final int CHUNK = 16_384;

    private static volatile boolean fusion = !Config.EXPR_NOFUSION.isOn();
    /** The fused slot of a program that the fused tier cannot run; {@code why} is shown by {@link #describe}. */
    private record Failed(String why) {}

    static boolean setFusion(boolean on) {
        boolean old = fusion;
        fusion = on;
        return old;
    }

    /**
     * The fused kernel for this evaluation: the cached one, or one generated now when the expression is hot (a
     * second call, or at least HOT_SIZE elements); null when the expression is not hot yet or cannot be fused.
     */
    private static Fused fusedFor(Engine.Compiled c, NdArray[] inputs, long size) {
        Object f = c.fused;
        if (f == null) {
            if (c.calls.get() < 2 && size < HOT_SIZE) return null;
            f = generate(c, inputs);
        }
        return f instanceof Fused k ? k : null;
    }

    static boolean tryFused(Engine.Compiled c, NdArray[] inputs, NdArray out, long size) {
        if (!fusion || c.fused instanceof Failed || !Exec.simd()) return false;
        if (out.dtype() != c.p.resultType) return false;
        Fused k = fusedFor(c, inputs, size);
        if (k == null) return false;
        Binding b = bind(k, c.p, inputs);
        boolean direct = out.isContiguous();
        int units = (int) ((size + CHUNK - 1) / CHUNK);
        Pool.run(units, Engine.threadsFor(size, units), () -> new Pool.Worker() {
            final Chunk w = new Chunk(k, b, direct ? null : out);

            @Override
            public void unit(int u) {
                int from = u * CHUNK;
                int to = (int) Math.min(size, (long) from + CHUNK);
                w.gather(from, to);
                if (direct) {
                    k.invoke(w.in, w.off, b.sc, out.data(), out.offset(), from, to);
                } else {
                    k.invoke(w.in, w.off, b.sc, w.outBuf, -from, from, to);
                    Views.scatter(w.outBuf, 0, out, from, to - from, w.idx);
                }
            }
        });
        return true;
    }

    /** The operands of one evaluation as the generated loop takes them; {@code views[k]} non-null: gathered. */
    private record Binding(Object[] in, int[] off, Object[] sc, NdArray[] views) {}

    /** One worker's copy of the binding, with a chunk-sized buffer per gathered operand (and the output). */
    private static final class Chunk {
        final Object[] in;
        final int[] off;
        final NdArray[] views;
        final int[] idx;
        final Object outBuf;

        Chunk(Fused k, Binding b, NdArray scatterTo) {
            in = b.in.clone();
            off = b.off.clone();
            views = b.views;
            boolean any = scatterTo != null;
            for (int j = 0; j < in.length; j++) {
                if (views[j] != null) {
                    in[j] = Frame.alloc(views[j].dtype(), 8, CHUNK);
                    any = true;
                }
            }
            idx = any ? new int[CHUNK] : null;
            outBuf = scatterTo == null ? null : Frame.alloc(scatterTo.dtype(), 8, CHUNK);
        }

        void gather(int from, int to) {
            for (int j = 0; j < in.length; j++) {
                if (views[j] != null) {
                    Views.gather(views[j], from, to - from, in[j], idx);
                    off[j] = -from;
                }
            }
        }
    }

    private static synchronized Object generate(Engine.Compiled c, NdArray[] inputs) {
        if (c.fused != null) return c.fused;
        String why = Fused.whyNot(c.p);
        if (why != null) {
            c.fused = new Failed(" (not fused: " + why + ")");
            return c.fused;
        }
        Set<String> scalars = new HashSet<>();
        for (int r = 0; r < inputs.length; r++) {
            if (inputs[r] != null && inputs[r].ndim() == 0) scalars.add(c.p.regs[r].name());
        }
        try {
            c.fused = new Fused(c.p, scalars);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            c.fused = new Failed(" (code generation failed: " + e + ")");
        }
        return c.fused;
    }

    /**
     * sum/prod/min/max over all elements on the fused tier: one partial per chunk of {@link #CHUNK} elements (a
     * fixed partition, so the result does not depend on the thread count), combined in chunk order.
     */
    static boolean tryFusedReduce(Engine.Compiled c, NdArray[] inputs, NdArray out, long size) {
        if (!fusion || c.fused instanceof Failed || out.ndim() != 0 || !Exec.simd()) return false;
        Fused k = fusedFor(c, inputs, size);
        if (k == null) return false;
        Binding b = bind(k, c.p, inputs);
        int units = (int) Math.max(1, (size + CHUNK - 1) / CHUNK);
        DType t = c.p.resultType;
        Object partials = Frame.alloc(t, 8, units);
        Pool.run(units, Engine.threadsFor(size, units), () -> new Pool.Worker() {
            final Chunk w = new Chunk(k, b, null);

            @Override
            public void unit(int u) {
                int from = u * CHUNK;
                int to = (int) Math.min(size, (long) from + CHUNK);
                w.gather(from, to);
                k.invoke(w.in, w.off, b.sc, partials, u, from, to);
            }
        });
        int op = c.p.reduce.ordinal();
        Object total;
        if (t == DType.FLOAT64) {
            double[] x = (double[]) partials;
            double s = x[0];
            for (int u = 1; u < units; u++) s = Fused.combine(op, s, x[u]);
            total = s;
        } else {
            long[] x = (long[]) partials;
            long s = x[0];
            for (int u = 1; u < units; u++) s = Fused.combine(op, s, x[u]);
            total = s;
        }
        out.set(0, Scalars.cast(total, out.dtype()));
        return true;
    }

    private static Binding bind(Fused k, Program p, NdArray[] inputs) {
        Object[] sc = k.constants.clone();
        Object[] in = new Object[k.arrays.size()];
        int[] off = new int[in.length];
        NdArray[] views = new NdArray[in.length];
        for (int r = 0; r < inputs.length; r++) {
            NdArray a = inputs[r];
            if (a == null) continue;
            String name = p.regs[r].name();
            if (a.ndim() == 0) {
                sc[k.scalarSlot(name)] = k.broadcast(a.dtype(), a.get(0));
            } else {
                int j = k.arrays.indexOf(name);
                if (j < 0) continue;
                if (a.isContiguous()) {
                    in[j] = a.data();
                    off[j] = a.offset();
                } else {
                    views[j] = a;
                }
            }
        }
        return new Binding(in, off, sc, views);
    }

    /** Which tier will evaluate these operands, and why (for {@code jhpc expr --explain}). */
    static String plan(Engine.Compiled c, NdArray[] inputs, NdArray out, long size) {
        String interp = "interpreter (blocks of " + Engine.blockSize + "), kernels " + Simd.describe() + "; ";
        if (!Exec.simd()) return interp + "the fused tier needs SIMD";
        if (!fusion) return interp + "fusion switched off";
        String why = Fused.whyNot(c.p);
        if (why != null) return interp + "not fused: " + why;
        if (c.p.reduce != null && out != null && out.ndim() != 0) return interp + "not fused: a reduction along an axis";
        if (out != null && out.dtype() != c.p.resultType) {
            return interp + "not fused: the output is " + out.dtype() + " but the result is " + c.p.resultType;
        }
        StringBuilder gathered = new StringBuilder();
        for (int r = 0; r < inputs.length; r++) {
            NdArray a = inputs[r];
            if (a != null && a.ndim() > 0 && !a.isContiguous()) {
                gathered.append(gathered.isEmpty() ? "" : ", ").append(c.p.regs[r].name());
            }
        }
        if (out != null && !out.isContiguous()) gathered.append(gathered.isEmpty() ? "" : ", ").append("the output");
        return "fused (one generated Vector API loop, " + Fused.lanesFor(c.p) + " lanes"
                + (size >= HOT_SIZE ? ", from the first call" : ", from the second call; the first runs on the interpreter")
                + (gathered.isEmpty() ? "" : "; not contiguous, copied per chunk of " + CHUNK + ": " + gathered) + ")";
    }

    /** Which tier the last evaluation of this expression with these operands would use (for --bench). */
    static String describe(Engine.Compiled c) {
        Object f = c.fused;
        if (Exec.simd() && f instanceof Fused k) {
            return "fused (generated in " + String.format(Locale.ROOT, "%.1f", k.generateNanos / 1e6) + " ms)";
        }
        return "interpreter" + (f instanceof Failed x ? x.why() : "") + ", kernels " + Simd.describe();
    }
}
