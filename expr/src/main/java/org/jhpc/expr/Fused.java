package org.jhpc.expr;

import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.incubator.vector.DoubleVector;

/**
 * The second tier: one generated loop per float64 expression, with the whole expression inlined on Vector API
 * values, so nothing is stored between operations (the block interpreter writes and reads a temporary per
 * operation). The class is emitted with {@code java.lang.classfile} and defined as a hidden class; its code only
 * loads the inputs, applies the operations of the typed tree and stores the result, so no expression text can
 * reach Java. The generated method is
 * <pre>
 *   static void run(double[][] in, int[] off, double[] scalars, double[] out, int outOff, int from, int to)
 * </pre>
 * which evaluates elements {@code [from, to)}: whole vectors, then one masked vector for the tail.
 */
final class Fused {
    /** Operations the generator handles (everything else stays in the interpreter). */
    static final Set<Op> SUPPORTED = EnumSet.of(Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.NEG, Op.ABS, Op.SQRT, Op.POWI, Op.POW,
            Op.ARCTAN2, Op.SIN, Op.COS, Op.TAN, Op.ARCSIN, Op.ARCCOS, Op.ARCTAN, Op.SINH, Op.COSH, Op.TANH, Op.EXP,
            Op.EXPM1, Op.LOG, Op.LOG10, Op.LOG1P);

    private static final ClassDesc CD_DV = ClassDesc.of("jdk.incubator.vector.DoubleVector");
    private static final ClassDesc CD_V = ClassDesc.of("jdk.incubator.vector.Vector");
    private static final ClassDesc CD_SPECIES = ClassDesc.of("jdk.incubator.vector.VectorSpecies");
    private static final ClassDesc CD_MASK = ClassDesc.of("jdk.incubator.vector.VectorMask");
    private static final ClassDesc CD_OPS = ClassDesc.of("jdk.incubator.vector.VectorOperators");
    private static final ClassDesc CD_UNARY = ClassDesc.of("jdk.incubator.vector.VectorOperators$Unary");
    private static final ClassDesc CD_BINARY = ClassDesc.of("jdk.incubator.vector.VectorOperators$Binary");
    private static final ClassDesc CD_COMPARISON = ClassDesc.of("jdk.incubator.vector.VectorOperators$Comparison");
    private static final ClassDesc CD_ASSOC = ClassDesc.of("jdk.incubator.vector.VectorOperators$Associative");
    private static final ClassDesc CD_DARR = CD_double.arrayType();
    private static final MethodTypeDesc RUN = MethodTypeDesc.of(CD_void, CD_DARR.arrayType(), CD_int.arrayType(), CD_DARR,
            CD_DARR, CD_int, CD_int, CD_int);

    final MethodHandle run;
    /** Array inputs by position in {@code in}, scalar inputs and constants by position in {@code scalars}. */
    final List<String> arrays = new ArrayList<>();
    final List<String> scalarNames = new ArrayList<>();
    final double[] constants;
    final long generateNanos;

    private final Map<Object, Integer> scalarSlot = new LinkedHashMap<>();
    private final List<Double> constList = new ArrayList<>();

    /**
     * True when {@code p} is float64 element-wise code the generator handles: float64 operands and operations,
     * plus bool intermediates made by comparing float64 values and combined with {@code & | ~} (vector masks),
     * consumed by {@code where} (a blend).
     */
    static boolean eligible(Program p) {
        if (!Exec.VECTOR_LOADED || p.tree.type() != DType.FLOAT64) return false;
        if (p.reduce != null) return (p.reduce == Op.SUM || p.reduce == Op.PROD) && p.axis == null && p.tree instanceof TNode.Reduce r && eligible(r.arg());
        return p.tree instanceof TNode.Apply && eligible(p.tree);
    }

    /** Lane-ordered sum of a vector (the partial of one chunk of a fused {@code sum}). */
    static double sumLanes(DoubleVector v) {
        double s = 0;
        for (double x : v.toArray()) s += x;
        return s;
    }

    /** Lane-ordered product of a vector. */
    static double prodLanes(DoubleVector v) {
        double s = 1;
        for (double x : v.toArray()) s *= x;
        return s;
    }

    private static boolean eligible(TNode n) {
        return switch (n) {
            case TNode.Var v -> v.type() == DType.FLOAT64;
            case TNode.Const c -> c.type() == DType.FLOAT64;
            case TNode.Apply a -> switch (a.type()) {
                case FLOAT64 -> a.argType() == DType.FLOAT64 && (SUPPORTED.contains(a.op()) || a.op() == Op.WHERE)
                        && a.args().stream().allMatch(Fused::eligible);
                case BOOL -> (a.op().isComparison() && a.argType() == DType.FLOAT64
                        || (a.op() == Op.AND || a.op() == Op.OR || a.op() == Op.NOT) && a.argType() == DType.BOOL)
                        && a.args().stream().allMatch(Fused::eligible);
                default -> false;
            };
            case TNode.Reduce r -> false;
        };
    }

    /** Generates the loop for a program whose variables named in {@code scalarVars} are scalars. */
    Fused(Program p, Set<String> scalarVars) throws ReflectiveOperationException {
        long t0 = System.nanoTime();
        TNode body = p.tree instanceof TNode.Reduce r ? r.arg() : p.tree;
        collect(body, scalarVars);
        constants = constList.stream().mapToDouble(Double::doubleValue).toArray();
        int vlen = DoubleVector.SPECIES_PREFERRED.length();
        ClassDesc self = ClassDesc.of(Fused.class.getPackageName() + ".FusedKernel");
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.ofClassLoading(Fused.class.getClassLoader())));
        byte[] bytes = cf.build(self, cb -> cb
                .withFlags(AccessFlag.FINAL, AccessFlag.SYNTHETIC)
                .withMethodBody("run", RUN, ClassFile.ACC_STATIC | ClassFile.ACC_PUBLIC,
                        code -> new Emitter(code, vlen, p.reduce).body(body)));
        MethodHandles.Lookup lk = MethodHandles.lookup().defineHiddenClass(bytes, true);
        run = lk.findStatic(lk.lookupClass(), "run", MethodType.methodType(void.class, double[][].class, int[].class,
                double[].class, double[].class, int.class, int.class, int.class));
        generateNanos = System.nanoTime() - t0;
    }

    private void collect(TNode n, Set<String> scalarVars) {
        switch (n) {
            case TNode.Var v -> {
                if (scalarVars.contains(v.name())) {
                    if (!scalarSlot.containsKey(v.name())) {
                        scalarSlot.put(v.name(), scalarSlot.size());
                        scalarNames.add(v.name());
                        constList.add(0.0);
                    }
                } else if (!arrays.contains(v.name())) {
                    arrays.add(v.name());
                }
            }
            case TNode.Const c -> {
                Object key = List.of("const", c.value());
                if (!scalarSlot.containsKey(key)) {
                    scalarSlot.put(key, scalarSlot.size());
                    constList.add((Double) c.value());
                }
            }
            case TNode.Apply a -> a.args().forEach(x -> collect(x, scalarVars));
            default -> throw new IllegalStateException();
        }
    }

    /** Position of a scalar variable in the {@code scalars} argument. */
    int scalarSlot(String name) {
        return scalarSlot.get(name);
    }

    private int slotOf(TNode n) {
        return switch (n) {
            case TNode.Var v -> scalarSlot.getOrDefault(v.name(), -1);
            case TNode.Const c -> scalarSlot.get(List.of("const", c.value()));
            default -> -1;
        };
    }

    /** Writes the method body; locals: 0..6 parameters, then per array its array and offset, per scalar a vector. */
    private final class Emitter {
        final CodeBuilder c;
        final int vlen;
        final int[] arrLocal;
        final int[] offLocal;
        final int[] vecLocal;
        final int[] scalarLocal;
        final int iLocal;
        final int ubLocal;
        final int maskLocal;
        final int accLocal;
        final Op reduce;
        int nextLocal;
        boolean masked;

        /** With {@code reduce} (SUM or PROD) the loop accumulates and stores its lane-ordered total in out[outOff]. */
        Emitter(CodeBuilder c, int vlen, Op reduce) {
            this.c = c;
            this.vlen = vlen;
            this.reduce = reduce;
            int l = 7;
            arrLocal = new int[arrays.size()];
            offLocal = new int[arrays.size()];
            vecLocal = new int[arrays.size()];
            for (int k = 0; k < arrays.size(); k++) {
                arrLocal[k] = l++;
                offLocal[k] = l++;
                vecLocal[k] = l++;
            }
            scalarLocal = new int[scalarSlot.size()];
            for (int s = 0; s < scalarLocal.length; s++) scalarLocal[s] = l++;
            iLocal = l++;
            ubLocal = l++;
            maskLocal = l++;
            accLocal = l++;
            nextLocal = l;
        }

        void species() {
            c.getstatic(CD_DV, "SPECIES_PREFERRED", CD_SPECIES);
        }

        void body(TNode tree) {
            for (int k = 0; k < arrLocal.length; k++) {
                c.aload(0).loadConstant(k).aaload().astore(arrLocal[k]);
                c.aload(1).loadConstant(k).iaload().istore(offLocal[k]);
            }
            for (int s = 0; s < scalarLocal.length; s++) {
                species();
                c.aload(2).loadConstant(s).daload();
                c.invokestatic(CD_DV, "broadcast", MethodTypeDesc.of(CD_DV, CD_SPECIES, CD_double));
                c.astore(scalarLocal[s]);
            }
            if (reduce != null) {
                identity();
                c.astore(accLocal);
            }
            // i = from; ub = from + ((to - from) & -vlen)
            c.iload(5).istore(iLocal);
            c.iload(6).iload(5).isub().loadConstant(-vlen).iand().iload(5).iadd().istore(ubLocal);
            Label loop = c.newLabel();
            Label tail = c.newLabel();
            Label end = c.newLabel();
            c.labelBinding(loop);
            c.iload(iLocal).iload(ubLocal).if_icmpge(tail);
            masked = false;
            iteration(tree);
            c.iinc(iLocal, vlen);
            c.goto_(loop);
            c.labelBinding(tail);
            c.iload(iLocal).iload(6).if_icmpge(end);
            species();
            c.iload(iLocal).iload(6);
            c.invokeinterface(CD_SPECIES, "indexInRange", MethodTypeDesc.of(CD_MASK, CD_int, CD_int));
            c.astore(maskLocal);
            masked = true;
            iteration(tree);
            c.labelBinding(end);
            if (reduce != null) {
                c.aload(3).iload(4).aload(accLocal);
                c.invokestatic(ClassDesc.of(Fused.class.getName()), reduce == Op.SUM ? "sumLanes" : "prodLanes",
                        MethodTypeDesc.of(CD_double, CD_DV));
                c.dastore();
            }
            c.return_();
        }

        /** Pushes the reduction's identity (0 for sum, 1 for prod) as a vector. */
        void identity() {
            species();
            c.loadConstant(reduce == Op.SUM ? 0.0 : 1.0);
            c.invokestatic(CD_DV, "broadcast", MethodTypeDesc.of(CD_DV, CD_SPECIES, CD_double));
        }

        void iteration(TNode tree) {
            for (int k = 0; k < arrLocal.length; k++) {
                species();
                c.aload(arrLocal[k]).iload(offLocal[k]).iload(iLocal).iadd();
                if (masked) {
                    c.aload(maskLocal);
                    c.invokestatic(CD_DV, "fromArray", MethodTypeDesc.of(CD_DV, CD_SPECIES, CD_DARR, CD_int, CD_MASK));
                } else {
                    c.invokestatic(CD_DV, "fromArray", MethodTypeDesc.of(CD_DV, CD_SPECIES, CD_DARR, CD_int));
                }
                c.astore(vecLocal[k]);
            }
            emit(tree);
            if (reduce != null) {
                int v = nextLocal++;
                if (masked) {                       // lanes past the end contribute the identity
                    c.astore(v);
                    identity();
                    c.aload(v).aload(maskLocal);
                    c.invokevirtual(CD_DV, "blend", MethodTypeDesc.of(CD_DV, CD_V, CD_MASK));
                }
                c.astore(v);
                c.aload(accLocal);
                binaryOp(reduce == Op.SUM ? "ADD" : "MUL");
                c.aload(v);
                c.invokevirtual(CD_DV, "lanewise", MethodTypeDesc.of(CD_DV, CD_BINARY, CD_V));
                c.astore(accLocal);
                return;
            }
            c.aload(3).iload(4).iload(iLocal).iadd();
            if (masked) {
                c.aload(maskLocal);
                c.invokevirtual(CD_DV, "intoArray", MethodTypeDesc.of(CD_void, CD_DARR, CD_int, CD_MASK));
            } else {
                c.invokevirtual(CD_DV, "intoArray", MethodTypeDesc.of(CD_void, CD_DARR, CD_int));
            }
        }

        void emit(TNode n) {
            switch (n) {
                case TNode.Var v -> {
                    int s = slotOf(v);
                    c.aload(s >= 0 ? scalarLocal[s] : vecLocal[arrays.indexOf(v.name())]);
                }
                case TNode.Const k -> c.aload(scalarLocal[slotOf(k)]);
                case TNode.Apply a -> apply(a);
                default -> throw new IllegalStateException();
            }
        }

        void binary(String op, TNode x, TNode y) {
            emit(x);
            binaryOp(op);
            emit(y);
            c.invokevirtual(CD_DV, "lanewise", MethodTypeDesc.of(CD_DV, CD_BINARY, CD_V));
        }

        /** Pushes a binary operator constant; ADD and MUL are declared as Associative. */
        void binaryOp(String op) {
            c.getstatic(CD_OPS, op, op.equals("ADD") || op.equals("MUL") ? CD_ASSOC : CD_BINARY);
        }

        void unary(String op, TNode x) {
            emit(x);
            c.getstatic(CD_OPS, op, CD_UNARY);
            c.invokevirtual(CD_DV, "lanewise", MethodTypeDesc.of(CD_DV, CD_UNARY));
        }

        void one() {
            species();
            c.loadConstant(1.0);
            c.invokestatic(CD_DV, "broadcast", MethodTypeDesc.of(CD_DV, CD_SPECIES, CD_double));
        }

        void mul() {
            binaryOp("MUL");
            c.swap();
            c.invokevirtual(CD_DV, "lanewise", MethodTypeDesc.of(CD_DV, CD_BINARY, CD_V));
        }

        /** x**n by the multiplication order of {@link Scalars#powi(double, int)}. */
        void powi(TNode x, int n) {
            int b = nextLocal++;
            int r = nextLocal++;
            emit(x);
            c.astore(b);
            int k = Math.abs(n);
            boolean first = true;
            while (k != 0) {
                if ((k & 1) != 0) {
                    if (first) {
                        c.aload(b).astore(r);
                    } else {
                        c.aload(r).aload(b);
                        mul();
                        c.astore(r);
                    }
                    first = false;
                }
                k >>>= 1;
                if (k != 0) {
                    c.aload(b).aload(b);
                    mul();
                    c.astore(b);
                }
            }
            if (first) {
                one();
                c.astore(r);
            }
            if (n < 0) {
                one();
                binaryOp("DIV");
                c.aload(r);
                c.invokevirtual(CD_DV, "lanewise", MethodTypeDesc.of(CD_DV, CD_BINARY, CD_V));
            } else {
                c.aload(r);
            }
        }

        void apply(TNode.Apply a) {
            List<TNode> x = a.args();
            switch (a.op()) {
                case ADD -> binary("ADD", x.get(0), x.get(1));
                case SUB -> binary("SUB", x.get(0), x.get(1));
                case MUL -> binary("MUL", x.get(0), x.get(1));
                case DIV -> binary("DIV", x.get(0), x.get(1));
                case POW -> binary("POW", x.get(0), x.get(1));
                case ARCTAN2 -> binary("ATAN2", x.get(0), x.get(1));
                case NEG -> unary("NEG", x.get(0));
                case ABS -> unary("ABS", x.get(0));
                case SQRT -> unary("SQRT", x.get(0));
                case SIN -> unary("SIN", x.get(0));
                case COS -> unary("COS", x.get(0));
                case TAN -> unary("TAN", x.get(0));
                case ARCSIN -> unary("ASIN", x.get(0));
                case ARCCOS -> unary("ACOS", x.get(0));
                case ARCTAN -> unary("ATAN", x.get(0));
                case SINH -> unary("SINH", x.get(0));
                case COSH -> unary("COSH", x.get(0));
                case TANH -> unary("TANH", x.get(0));
                case EXP -> unary("EXP", x.get(0));
                case EXPM1 -> unary("EXPM1", x.get(0));
                case LOG -> unary("LOG", x.get(0));
                case LOG10 -> unary("LOG10", x.get(0));
                case LOG1P -> unary("LOG1P", x.get(0));
                case POWI -> powi(x.get(0), a.param());
                case EQ, NE, LT, LE, GT, GE -> {
                    emit(x.get(0));
                    c.getstatic(CD_OPS, a.op().name(), CD_COMPARISON);
                    emit(x.get(1));
                    c.invokevirtual(CD_DV, "compare", MethodTypeDesc.of(CD_MASK, CD_COMPARISON, CD_V));
                }
                case AND, OR -> {
                    emit(x.get(0));
                    emit(x.get(1));
                    c.invokevirtual(CD_MASK, a.op() == Op.AND ? "and" : "or", MethodTypeDesc.of(CD_MASK, CD_MASK));
                }
                case NOT -> {
                    emit(x.get(0));
                    c.invokevirtual(CD_MASK, "not", MethodTypeDesc.of(CD_MASK));
                }
                case WHERE -> {          // y.blend(x, mask): lanes where the mask is set take x
                    emit(x.get(2));
                    emit(x.get(1));
                    emit(x.get(0));
                    c.invokevirtual(CD_DV, "blend", MethodTypeDesc.of(CD_DV, CD_V, CD_MASK));
                }
                default -> throw new IllegalStateException("not fusable: " + a.op());
            }
        }
    }

    /** Evaluates elements [from, to) of contiguous float64 inputs into out. */
    void invoke(double[][] in, int[] off, double[] scalars, double[] out, int outOff, int from, int to) {
        try {
            run.invokeExact(in, off, scalars, out, outOff, from, to);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
