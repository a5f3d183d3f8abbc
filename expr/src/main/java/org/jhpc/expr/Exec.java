package org.jhpc.expr;

import org.jhpc.core.Simd;

/**
 * Runs one instruction over one block: the generated {@link Dispatch} calls the kernel of the (operation, operand
 * type) pair. The float64 and float32 kernels come from a {@link Kernels} set: the Vector API ones when
 * core's {@link Simd} switch allows them ({@code jdk.incubator.vector} loaded, a JIT, and neither
 * {@code --no-simd}, {@code JHPC_SIMD=off} nor {@code -Djhpc.simd=false}), else plain loops. The switch is read
 * once per evaluation, so it can change between two evaluations in one JVM.
 */
final class Exec {
    private Exec() {}

    /** The float kernels one evaluation uses. */
    record Kernels(F64Scalar f, F32Scalar g, boolean simd) {}

    static final Kernels SCALAR = new Kernels(new F64Scalar(), new F32Scalar(), false);
    private static final Kernels VECTOR_KERNELS = vectorKernels();

    /** True when the Vector API kernels could be loaded (the module is present); see {@link #simd()}. */
    static final boolean VECTOR_LOADED = VECTOR_KERNELS != null;

    private static Kernels vectorKernels() {
        if (!Simd.moduleLoaded()) return null;
        try {
            return new Kernels(new F64Vector(), new F32Vector(), true);
        } catch (LinkageError e) {
            return null;
        }
    }

    /** True when this evaluation may use the Vector API (kernels and the fused tier). */
    static boolean simd() {
        return VECTOR_LOADED && Simd.enabled();
    }

    /** The kernel set for an evaluation starting now. */
    static Kernels current() {
        return simd() ? VECTOR_KERNELS : SCALAR;
    }

    /**
     * Runs one instruction on n elements: conversions and byte strings here, every other operation through the
     * dispatch generated from the table of operations.
     */
    static void run(Kernels k, Program.Ins ins, Program.Reg[] regs, Object[] arr, int[] off, int n) {
        int[] s = ins.src();
        Object a = arr[s[0]];
        int ao = off[s[0]];
        Object d = arr[ins.dst()];
        int o = off[ins.dst()];
        Op op = ins.op();
        if (op == Op.CAST) {
            MiscKernels.cast(ins.argType(), ins.type(), a, ao, d, o, n, regs[s[0]].itemSize());
            return;
        }
        Object b = s.length > 1 ? arr[s[1]] : null;
        int bo = s.length > 1 ? off[s[1]] : 0;
        if (ins.argType() == DType.BYTES) {
            int aw = regs[s[0]].itemSize();
            int bw = regs[s[1]].itemSize();
            if (op == Op.CONTAINS) MiscKernels.contains((byte[]) a, ao, aw, (byte[]) b, bo, bw, (boolean[]) d, o, n);
            else MiscKernels.compareBytes(op, (byte[]) a, ao, aw, (byte[]) b, bo, bw, (boolean[]) d, o, n);
            return;
        }
        Object c = s.length > 2 ? arr[s[2]] : null;
        int co = s.length > 2 ? off[s[2]] : 0;
        Dispatch.run(k, op, ins.argType(), ins.param(), a, ao, b, bo, c, co, d, o, n);
    }
}
