package org.jhpc.expr;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jhpc.core.Config;
import org.jhpc.core.Simd;

/**
 * Chooses the tier for an element-wise evaluation: the fused generated loop ({@link Fused}) when the program is
 * float64 code it handles, every array operand and the output are contiguous float64, and the program is hot
 * (evaluated before, or over at least {@link #HOT_SIZE} elements); else the block interpreter. Generation
 * happens once per compiled program; if it fails, the program stays on the interpreter.
 */
final class Tiers {
    private Tiers() {}

    static final long HOT_SIZE = 1 << 16;
    /** Elements per work unit of the fused tier (no temporaries, so larger than an interpreter block). */
    static final int CHUNK = 16_384;

    private static volatile boolean fusion = !Config.EXPR_NOFUSION.isOn();
    /** The fused slot of a program that the fused tier cannot run; {@code why} is shown by {@link #describe}. */
    private record Failed(String why) {}

    private static final Failed NOT_ELIGIBLE = new Failed("");

    static boolean setFusion(boolean on) {
        boolean old = fusion;
        fusion = on;
        return old;
    }

    /**
     * The fused kernel for this evaluation: the cached one, or one generated now when the expression is hot (a
     * second call, or at least HOT_SIZE elements); null when an operand is strided, the expression is not hot yet,
     * or generation failed.
     */
    private static Fused fusedFor(Engine.Compiled c, NdArray[] inputs, long size) {
        for (NdArray a : inputs) if (a != null && a.ndim() > 0 && !a.isContiguous()) return null;
        Object f = c.fused;
        if (f == null) {
            if (c.calls.get() < 2 && size < HOT_SIZE) return null;
            f = generate(c, inputs);
        }
        return f instanceof Fused k ? k : null;
    }

    static boolean tryFused(Engine.Compiled c, NdArray[] inputs, NdArray out, long size) {
        if (!fusion || c.fused instanceof Failed || !Exec.simd()) return false;
        if (!(out.dtype() == DType.FLOAT64 && out.isContiguous())) return false;
        Fused k = fusedFor(c, inputs, size);
        if (k == null) return false;
        run(k, c.p, inputs, out, size);
        return true;
    }

    private static synchronized Object generate(Engine.Compiled c, NdArray[] inputs) {
        if (c.fused != null) return c.fused;
        if (!Fused.eligible(c.p)) {
            c.fused = NOT_ELIGIBLE;
            return NOT_ELIGIBLE;
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

    private static void run(Fused k, Program p, NdArray[] inputs, NdArray out, long size) {
        double[][] in = new double[k.arrays.size()][];
        int[] off = new int[in.length];
        double[] sc = bind(k, p, inputs, in, off);
        double[] o = (double[]) out.data();
        int oo = out.offset();
        int units = (int) ((size + CHUNK - 1) / CHUNK);
        Pool.run(units, Engine.threadsFor(size, units), () -> u -> {
            int from = u * CHUNK;
            k.invoke(in, off, sc, o, oo, from, (int) Math.min(size, (long) from + CHUNK));
        });
    }

    /**
     * sum/prod over all elements on the fused tier: one partial per chunk of {@link #CHUNK} elements (a fixed
     * partition, so the result does not depend on the thread count), combined in chunk order.
     */
    static boolean tryFusedReduce(Engine.Compiled c, NdArray[] inputs, NdArray out, long size) {
        if (!fusion || c.fused instanceof Failed || out.ndim() != 0 || !Exec.simd()) return false;
        Fused k = fusedFor(c, inputs, size);
        if (k == null) return false;
        double[][] in = new double[k.arrays.size()][];
        int[] off = new int[in.length];
        double[] sc = bind(k, c.p, inputs, in, off);
        int units = (int) Math.max(1, (size + CHUNK - 1) / CHUNK);
        double[] partials = new double[units];
        Pool.run(units, Engine.threadsFor(size, units), () -> u -> {
            int from = u * CHUNK;
            k.invoke(in, off, sc, partials, u, from, (int) Math.min(size, (long) from + CHUNK));
        });
        boolean sum = c.p.reduce == Op.SUM;
        double total = sum ? 0 : 1;
        for (double x : partials) total = sum ? total + x : total * x;
        out.set(0, Scalars.cast(total, out.dtype()));
        return true;
    }

    private static double[] bind(Fused k, Program p, NdArray[] inputs, double[][] in, int[] off) {
        double[] sc = k.constants.clone();
        for (int r = 0; r < inputs.length; r++) {
            NdArray a = inputs[r];
            if (a == null) continue;
            String name = p.regs[r].name();
            if (a.ndim() == 0) {
                sc[k.scalarSlot(name)] = (Double) a.get(0);
            } else {
                int idx = k.arrays.indexOf(name);
                in[idx] = (double[]) a.data();
                off[idx] = a.offset();
            }
        }
        return sc;
    }

    /** Which tier will evaluate these operands, and why (for {@code jhpc expr --explain}). */
    static String plan(Engine.Compiled c, NdArray[] inputs, long size) {
        String kernels = "kernels " + Simd.describe();
        if (!Exec.simd()) return "interpreter (blocks of " + Engine.blockSize + "), " + kernels + "; the fused tier needs SIMD";
        if (!fusion) return "interpreter (blocks of " + Engine.blockSize + "), " + kernels + "; fusion switched off";
        if (!Fused.eligible(c.p)) {
            return "interpreter (blocks of " + Engine.blockSize + "), " + kernels
                    + "; the fused tier takes float64 element-wise programs and full sum/prod of them";
        }
        for (NdArray a : inputs) {
            if (a != null && a.ndim() > 0 && !a.isContiguous()) {
                return "interpreter (blocks of " + Engine.blockSize + "), " + kernels + "; the fused tier needs contiguous arrays";
            }
        }
        return "fused (one generated Vector API loop" + (size >= HOT_SIZE ? ", from the first call"
                : ", from the second call; the first runs on the interpreter") + ")";
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
