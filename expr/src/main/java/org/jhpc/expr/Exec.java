package org.jhpc.expr;

import org.jhpc.core.Simd;

/**
 * Runs one instruction over one block: a switch on the operation and the operand type that calls the kernel
 * method for that pair. The float64 and float32 kernels come from a {@link Kernels} set: the Vector API ones when
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

    static void run(Kernels k, Program.Ins ins, Program.Reg[] regs, Object[] arr, int[] off, int n) {
        int[] s = ins.src();
        Object a = arr[s[0]];
        int ao = off[s[0]];
        Object b = s.length > 1 ? arr[s[1]] : null;
        int bo = s.length > 1 ? off[s[1]] : 0;
        Object d = arr[ins.dst()];
        int o = off[ins.dst()];
        Op op = ins.op();
        if (op == Op.CAST) {
            MiscKernels.cast(ins.argType(), ins.type(), a, ao, d, o, n, regs[s[0]].itemSize());
            return;
        }
        if (ExtraKernels.handles(op)) {
            ExtraKernels.run(op, ins.argType(), a, ao, b, bo, d, o, n);
            return;
        }
        if (op == Op.WHERE) {
            where(k, ins.type(), (boolean[]) a, ao, b, bo, arr[s[2]], off[s[2]], d, o, n);
            return;
        }
        switch (ins.argType()) {
            case FLOAT64 -> f64(k.f(), op, ins.param(), (double[]) a, ao, (double[]) b, bo, d, o, n);
            case FLOAT32 -> f32(k.g(), op, ins.param(), (float[]) a, ao, (float[]) b, bo, d, o, n);
            case INT64 -> i64(op, ins.param(), (long[]) a, ao, (long[]) b, bo, d, o, n);
            case INT32 -> i32(op, ins.param(), (int[]) a, ao, (int[]) b, bo, d, o, n);
            case COMPLEX128 -> c128(op, ins.param(), (double[]) a, ao, (double[]) b, bo, d, o, n);
            case BOOL -> {
                boolean[] x = (boolean[]) a;
                boolean[] y = (boolean[]) b;
                boolean[] z = (boolean[]) d;
                switch (op) {
                    case AND -> MiscKernels.and(x, ao, y, bo, z, o, n);
                    case OR -> MiscKernels.or(x, ao, y, bo, z, o, n);
                    case NOT -> MiscKernels.not(x, ao, z, o, n);
                    default -> MiscKernels.compare(op, x, ao, y, bo, z, o, n);
                }
            }
            case BYTES -> {
                int aw = regs[s[0]].itemSize();
                int bw = regs[s[1]].itemSize();
                if (op == Op.CONTAINS) MiscKernels.contains((byte[]) a, ao, aw, (byte[]) b, bo, bw, (boolean[]) d, o, n);
                else MiscKernels.compareBytes(op, (byte[]) a, ao, aw, (byte[]) b, bo, bw, (boolean[]) d, o, n);
            }
        }
    }

    private static void where(Kernels k, DType t, boolean[] c, int co, Object a, int ao, Object b, int bo, Object d, int o, int n) {
        switch (t) {
            case FLOAT64 -> k.f().where(c, co, (double[]) a, ao, (double[]) b, bo, (double[]) d, o, n);
            case FLOAT32 -> k.g().where(c, co, (float[]) a, ao, (float[]) b, bo, (float[]) d, o, n);
            case INT64 -> I64.where(c, co, (long[]) a, ao, (long[]) b, bo, (long[]) d, o, n);
            case INT32 -> I32.where(c, co, (int[]) a, ao, (int[]) b, bo, (int[]) d, o, n);
            case COMPLEX128 -> CKernels.where(c, co, (double[]) a, ao, (double[]) b, bo, (double[]) d, o, n);
            case BOOL -> MiscKernels.where(c, co, (boolean[]) a, ao, (boolean[]) b, bo, (boolean[]) d, o, n);
            default -> throw new IllegalStateException("where on " + t);
        }
    }

    private static void f64(F64Scalar F, Op op, int p, double[] a, int ao, double[] b, int bo, Object dst, int o, int n) {
        if (op.isComparison()) {
            boolean[] d = (boolean[]) dst;
            switch (op) {
                case EQ -> F.eq(a, ao, b, bo, d, o, n);
                case NE -> F.ne(a, ao, b, bo, d, o, n);
                case LT -> F.lt(a, ao, b, bo, d, o, n);
                case LE -> F.le(a, ao, b, bo, d, o, n);
                case GT -> F.gt(a, ao, b, bo, d, o, n);
                default -> F.ge(a, ao, b, bo, d, o, n);
            }
            return;
        }
        if (op == Op.COMPLEX) {
            CKernels.make(a, ao, b, bo, (double[]) dst, o, n);
            return;
        }
        double[] d = (double[]) dst;
        switch (op) {
            case ADD -> F.add(a, ao, b, bo, d, o, n);
            case SUB -> F.sub(a, ao, b, bo, d, o, n);
            case MUL -> F.mul(a, ao, b, bo, d, o, n);
            case DIV -> F.div(a, ao, b, bo, d, o, n);
            case POW -> F.pow(a, ao, b, bo, d, o, n);
            case MOD -> F.mod(a, ao, b, bo, d, o, n);
            case ARCTAN2 -> F.atan2(a, ao, b, bo, d, o, n);
            case POWI -> F.powi(a, ao, d, o, n, p);
            case NEG -> F.neg(a, ao, d, o, n);
            case ABS -> F.abs(a, ao, d, o, n);
            case SQRT -> F.sqrt(a, ao, d, o, n);
            case SIN -> F.sin(a, ao, d, o, n);
            case COS -> F.cos(a, ao, d, o, n);
            case TAN -> F.tan(a, ao, d, o, n);
            case ARCSIN -> F.asin(a, ao, d, o, n);
            case ARCCOS -> F.acos(a, ao, d, o, n);
            case ARCTAN -> F.atan(a, ao, d, o, n);
            case SINH -> F.sinh(a, ao, d, o, n);
            case COSH -> F.cosh(a, ao, d, o, n);
            case TANH -> F.tanh(a, ao, d, o, n);
            case ARCSINH -> F.asinh(a, ao, d, o, n);
            case ARCCOSH -> F.acosh(a, ao, d, o, n);
            case ARCTANH -> F.atanh(a, ao, d, o, n);
            case EXP -> F.exp(a, ao, d, o, n);
            case EXPM1 -> F.expm1(a, ao, d, o, n);
            case LOG -> F.log(a, ao, d, o, n);
            case LOG10 -> F.log10(a, ao, d, o, n);
            case LOG1P -> F.log1p(a, ao, d, o, n);
            case CONJ, REAL -> System.arraycopy(a, ao, d, o, n);
            case IMAG -> java.util.Arrays.fill(d, o, o + n, 0.0);
            default -> throw new IllegalStateException("no float64 kernel for " + op);
        }
    }

    private static void f32(F32Scalar G, Op op, int p, float[] a, int ao, float[] b, int bo, Object dst, int o, int n) {
        if (op.isComparison()) {
            boolean[] d = (boolean[]) dst;
            switch (op) {
                case EQ -> G.eq(a, ao, b, bo, d, o, n);
                case NE -> G.ne(a, ao, b, bo, d, o, n);
                case LT -> G.lt(a, ao, b, bo, d, o, n);
                case LE -> G.le(a, ao, b, bo, d, o, n);
                case GT -> G.gt(a, ao, b, bo, d, o, n);
                default -> G.ge(a, ao, b, bo, d, o, n);
            }
            return;
        }
        float[] d = (float[]) dst;
        switch (op) {
            case ADD -> G.add(a, ao, b, bo, d, o, n);
            case SUB -> G.sub(a, ao, b, bo, d, o, n);
            case MUL -> G.mul(a, ao, b, bo, d, o, n);
            case DIV -> G.div(a, ao, b, bo, d, o, n);
            case POW -> G.pow(a, ao, b, bo, d, o, n);
            case MOD -> G.mod(a, ao, b, bo, d, o, n);
            case ARCTAN2 -> G.atan2(a, ao, b, bo, d, o, n);
            case POWI -> G.powi(a, ao, d, o, n, p);
            case NEG -> G.neg(a, ao, d, o, n);
            case ABS -> G.abs(a, ao, d, o, n);
            case SQRT -> G.sqrt(a, ao, d, o, n);
            case SIN -> G.sin(a, ao, d, o, n);
            case COS -> G.cos(a, ao, d, o, n);
            case TAN -> G.tan(a, ao, d, o, n);
            case ARCSIN -> G.asin(a, ao, d, o, n);
            case ARCCOS -> G.acos(a, ao, d, o, n);
            case ARCTAN -> G.atan(a, ao, d, o, n);
            case SINH -> G.sinh(a, ao, d, o, n);
            case COSH -> G.cosh(a, ao, d, o, n);
            case TANH -> G.tanh(a, ao, d, o, n);
            case ARCSINH -> G.asinh(a, ao, d, o, n);
            case ARCCOSH -> G.acosh(a, ao, d, o, n);
            case ARCTANH -> G.atanh(a, ao, d, o, n);
            case EXP -> G.exp(a, ao, d, o, n);
            case EXPM1 -> G.expm1(a, ao, d, o, n);
            case LOG -> G.log(a, ao, d, o, n);
            case LOG10 -> G.log10(a, ao, d, o, n);
            case LOG1P -> G.log1p(a, ao, d, o, n);
            case CONJ, REAL -> System.arraycopy(a, ao, d, o, n);
            case IMAG -> java.util.Arrays.fill(d, o, o + n, 0.0f);
            default -> throw new IllegalStateException("no float32 kernel for " + op);
        }
    }

    private static void i64(Op op, int p, long[] a, int ao, long[] b, int bo, Object dst, int o, int n) {
        if (op.isComparison()) {
            boolean[] d = (boolean[]) dst;
            switch (op) {
                case EQ -> I64.eq(a, ao, b, bo, d, o, n);
                case NE -> I64.ne(a, ao, b, bo, d, o, n);
                case LT -> I64.lt(a, ao, b, bo, d, o, n);
                case LE -> I64.le(a, ao, b, bo, d, o, n);
                case GT -> I64.gt(a, ao, b, bo, d, o, n);
                default -> I64.ge(a, ao, b, bo, d, o, n);
            }
            return;
        }
        long[] d = (long[]) dst;
        switch (op) {
            case ADD -> I64.add(a, ao, b, bo, d, o, n);
            case SUB -> I64.sub(a, ao, b, bo, d, o, n);
            case MUL -> I64.mul(a, ao, b, bo, d, o, n);
            case MOD -> I64.mod(a, ao, b, bo, d, o, n);
            case POW -> I64.pow(a, ao, b, bo, d, o, n);
            case AND -> I64.and(a, ao, b, bo, d, o, n);
            case OR -> I64.or(a, ao, b, bo, d, o, n);
            case LSHIFT -> I64.shl(a, ao, b, bo, d, o, n);
            case RSHIFT -> I64.shr(a, ao, b, bo, d, o, n);
            case NEG -> I64.neg(a, ao, d, o, n);
            case NOT -> I64.not(a, ao, d, o, n);
            case ABS -> I64.abs(a, ao, d, o, n);
            case POWI -> I64.powi(a, ao, d, o, n, p);
            default -> throw new IllegalStateException("no int64 kernel for " + op);
        }
    }

    private static void i32(Op op, int p, int[] a, int ao, int[] b, int bo, Object dst, int o, int n) {
        if (op.isComparison()) {
            boolean[] d = (boolean[]) dst;
            switch (op) {
                case EQ -> I32.eq(a, ao, b, bo, d, o, n);
                case NE -> I32.ne(a, ao, b, bo, d, o, n);
                case LT -> I32.lt(a, ao, b, bo, d, o, n);
                case LE -> I32.le(a, ao, b, bo, d, o, n);
                case GT -> I32.gt(a, ao, b, bo, d, o, n);
                default -> I32.ge(a, ao, b, bo, d, o, n);
            }
            return;
        }
        int[] d = (int[]) dst;
        switch (op) {
            case ADD -> I32.add(a, ao, b, bo, d, o, n);
            case SUB -> I32.sub(a, ao, b, bo, d, o, n);
            case MUL -> I32.mul(a, ao, b, bo, d, o, n);
            case MOD -> I32.mod(a, ao, b, bo, d, o, n);
            case POW -> I32.pow(a, ao, b, bo, d, o, n);
            case AND -> I32.and(a, ao, b, bo, d, o, n);
            case OR -> I32.or(a, ao, b, bo, d, o, n);
            case LSHIFT -> I32.shl(a, ao, b, bo, d, o, n);
            case RSHIFT -> I32.shr(a, ao, b, bo, d, o, n);
            case NEG -> I32.neg(a, ao, d, o, n);
            case NOT -> I32.not(a, ao, d, o, n);
            case ABS -> I32.abs(a, ao, d, o, n);
            case POWI -> I32.powi(a, ao, d, o, n, p);
            default -> throw new IllegalStateException("no int32 kernel for " + op);
        }
    }

    private static void c128(Op op, int p, double[] a, int ao, double[] b, int bo, Object dst, int o, int n) {
        switch (op) {
            case EQ -> CKernels.eq(a, ao, b, bo, (boolean[]) dst, o, n, false);
            case NE -> CKernels.eq(a, ao, b, bo, (boolean[]) dst, o, n, true);
            case ADD -> CKernels.add(a, ao, b, bo, (double[]) dst, o, n);
            case SUB -> CKernels.sub(a, ao, b, bo, (double[]) dst, o, n);
            case MUL -> CKernels.mul(a, ao, b, bo, (double[]) dst, o, n);
            case DIV -> CKernels.div(a, ao, b, bo, (double[]) dst, o, n);
            case POW -> CKernels.pow(a, ao, b, bo, (double[]) dst, o, n);
            case POWI -> CKernels.powi(a, ao, (double[]) dst, o, n, p);
            case ABS -> CKernels.abs(a, ao, (double[]) dst, o, n);
            case REAL -> CKernels.part(a, ao, (double[]) dst, o, n, 0);
            case IMAG -> CKernels.part(a, ao, (double[]) dst, o, n, 1);
            default -> CKernels.unary(op, a, ao, (double[]) dst, o, n);
        }
    }
}
