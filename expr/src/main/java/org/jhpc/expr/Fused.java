package org.jhpc.expr;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_float;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The second tier: one generated loop per expression, with the whole expression inlined on Vector API values, so
 * nothing is stored between operations (the block interpreter writes and reads a temporary per operation). The
 * class is emitted with {@code java.lang.classfile} and defined as a hidden class; its code only loads the inputs,
 * applies the operations of the typed tree and stores the result, so no expression text can reach Java.
 *
 * <p>A program is fusable when all its non-bool values have one lane width: 64 bits (float64 and int64) or 32 bits
 * (float32 and int32), or it is all bool. Every value is then a vector of the preferred shape with the same lane
 * count: float64/float32 as {@code DoubleVector}/{@code FloatVector}, int64/int32 as {@code LongVector}/{@code
 * IntVector}, bool as a {@code VectorMask} (comparisons give masks, {@code & | ^ ~} on bools combine them,
 * {@code where} is a blend, a bool used as a number is a blend of 0 and 1). Casts inside one width (int32 to
 * float32, int64 to float64) are lane conversions, which round as Java's {@code (float)}/{@code (double)} do. The
 * operations keep the interpreter's semantics element by element (see {@link Scalars}): IEEE arithmetic, wrap-around
 * integers, {@code x**n} in {@link Scalars#powi(double, int)}'s multiplication order. The generated method is
 * <pre>
 *   static void run(Object[] in, int[] off, Object[] scalars, Object out, int outOff, int from, int to)
 * </pre>
 * evaluating elements {@code [from, to)}: element i of array input k is {@code in[k][off[k] + i]}, of the output
 * {@code out[outOff + i]}; whole vectors, then one masked vector for the tail. Scalars and constants arrive as
 * vectors (or masks) already broadcast. A full reduction ({@code sum prod min max} of a float64 or int64 operand)
 * accumulates in the same loop and stores its lane-ordered total in {@code out[outOff]}.
 */
final class Fused {
    /** Operations on float64/float32 operands the generator handles. */
    static final Set<Op> FLOAT_OPS = EnumSet.of(Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.NEG, Op.ABS, Op.SQRT, Op.POWI, Op.POW,
            Op.ARCTAN2, Op.SIN, Op.COS, Op.TAN, Op.ARCSIN, Op.ARCCOS, Op.ARCTAN, Op.SINH, Op.COSH, Op.TANH, Op.EXP,
            Op.EXPM1, Op.LOG, Op.LOG10, Op.LOG1P);
    /** Operations on int64/int32 operands the generator handles ({@code ~ & | ^} bitwise). */
    static final Set<Op> INT_OPS = EnumSet.of(Op.ADD, Op.SUB, Op.MUL, Op.NEG, Op.ABS, Op.POWI, Op.NOT, Op.AND, Op.OR, Op.XOR);
    /** Operations on bool operands ({@code ~ & | ^} logical, == and !=). */
    static final Set<Op> BOOL_OPS = EnumSet.of(Op.NOT, Op.AND, Op.OR, Op.XOR, Op.EQ, Op.NE);

    private static final String VEC = "jdk.incubator.vector.";
    private static final ClassDesc CD_V = ClassDesc.of(VEC + "Vector");
    private static final ClassDesc CD_SPECIES = ClassDesc.of(VEC + "VectorSpecies");
    private static final ClassDesc CD_MASK = ClassDesc.of(VEC + "VectorMask");
    private static final ClassDesc CD_OPS = ClassDesc.of(VEC + "VectorOperators");
    private static final ClassDesc CD_UNARY = ClassDesc.of(VEC + "VectorOperators$Unary");
    private static final ClassDesc CD_BINARY = ClassDesc.of(VEC + "VectorOperators$Binary");
    private static final ClassDesc CD_COMPARISON = ClassDesc.of(VEC + "VectorOperators$Comparison");
    private static final ClassDesc CD_ASSOC = ClassDesc.of(VEC + "VectorOperators$Associative");
    private static final ClassDesc CD_CONVERSION = ClassDesc.of(VEC + "VectorOperators$Conversion");
    private static final ClassDesc CD_OARR = CD_Object.arrayType();
    private static final ClassDesc CD_SELF = ClassDesc.of(Fused.class.getName());
    private static final MethodTypeDesc RUN = MethodTypeDesc.of(CD_void, CD_OARR, CD_int.arrayType(), CD_OARR,
            CD_Object, CD_int, CD_int, CD_int);

    final MethodHandle run;
    /** Array inputs by position in {@code in}, with their types. */
    final List<String> arrays = new ArrayList<>();
    final List<DType> arrayTypes = new ArrayList<>();
    /** Scalar inputs and constants by position in {@code scalars} (constants filled in, scalar inputs null). */
    final Object[] constants;
    /** The vector lane count of this program (all its values have it). */
    final int lanes;
    final long generateNanos;

    private final Map<Object, Integer> scalarSlot = new LinkedHashMap<>();
    private final List<Object> constList = new ArrayList<>();
    /** The element type whose species masks use (the program's float type, else its int type; bool: byte). */
    private final DType maskType;

    /** Why the fused tier cannot run {@code p} (null when it can). */
    static String whyNot(Program p) {
        if (!Exec.VECTOR_LOADED) return "jdk.incubator.vector is not loaded";
        TNode body = p.tree;
        if (p.reduce != null) {
            if (p.axis != null) return "reductions along an axis run on the interpreter";
            if (!(p.tree instanceof TNode.Reduce r)) return "not a reduction tree";
            body = r.arg();
            if (body.type() != DType.FLOAT64 && body.type() != DType.INT64) {
                return "it takes full reductions of float64 and int64 operands only";
            }
        } else if (!(body instanceof TNode.Apply)) {
            return "a bare variable or constant is a copy";
        }
        String why = check(body);
        if (why != null) return why;
        Set<Integer> widths = new java.util.HashSet<>();
        widths(body, widths);
        if (widths.size() > 1) return "it mixes 32-bit and 64-bit values (a conversion between lane widths)";
        return null;
    }

    /** True when {@code p} can run on the fused tier. */
    static boolean eligible(Program p) {
        return whyNot(p) == null;
    }

    private static boolean numeric(DType t) {
        return t == DType.FLOAT64 || t == DType.FLOAT32 || t == DType.INT64 || t == DType.INT32;
    }

    private static boolean isFloat(DType t) {
        return t == DType.FLOAT64 || t == DType.FLOAT32;
    }

    private static int width(DType t) {
        return t == DType.FLOAT64 || t == DType.INT64 ? 64 : t == DType.BOOL ? 0 : 32;
    }

    private static void widths(TNode n, Set<Integer> out) {
        if (n.type() != DType.BOOL) out.add(width(n.type()));
        if (n instanceof TNode.Apply a) {
            if (a.argType() != DType.BOOL) out.add(width(a.argType()));
            a.args().forEach(x -> widths(x, out));
        }
    }

    private static String check(TNode n) {
        return switch (n) {
            case TNode.Var v -> numeric(v.type()) || v.type() == DType.BOOL ? null : v.type() + " operands run on the interpreter";
            case TNode.Const c -> numeric(c.type()) || c.type() == DType.BOOL ? null : c.type() + " constants run on the interpreter";
            case TNode.Reduce r -> "a nested reduction";
            case TNode.Apply a -> {
                String why = checkOp(a);
                if (why != null) yield why;
                for (TNode x : a.args()) {
                    String w = check(x);
                    if (w != null) yield w;
                }
                yield null;
            }
        };
    }

    private static String checkOp(TNode.Apply a) {
        DType t = a.argType();
        Op op = a.op();
        boolean ok = switch (op) {
            case CAST -> t == a.type() && (numeric(t) || t == DType.BOOL)
                    || t == DType.BOOL && numeric(a.type())
                    || t == DType.INT32 && a.type() == DType.FLOAT32
                    || t == DType.INT64 && a.type() == DType.FLOAT64;
            case WHERE -> numeric(a.type()) || a.type() == DType.BOOL;
            case EQ, NE, LT, LE, GT, GE -> numeric(t) || t == DType.BOOL && (op == Op.EQ || op == Op.NE);
            case POWI -> isFloat(t) || numeric(t) && a.param() >= 0;
            default -> isFloat(t) ? FLOAT_OPS.contains(op) : numeric(t) ? INT_OPS.contains(op) : t == DType.BOOL && BOOL_OPS.contains(op);
        };
        if (ok) return null;
        return op == Op.CAST ? "a conversion from " + t + " to " + a.type() + " changes the lane width"
                : "'" + op.mnemonic + "' on " + t + " has no vector form here";
    }

    /** Lane-ordered sum/product/min/max of a float64 vector (the partial of one chunk of a fused reduction). */
    static double lanes(DoubleVector v, int op) {
        double[] x = v.toArray();
        double s = x[0];
        for (int k = 1; k < x.length; k++) s = combine(op, s, x[k]);
        return s;
    }

    /** The same for an int64 vector (wrap-around sum and product, so any order gives the same total). */
    static long lanes(LongVector v, int op) {
        long[] x = v.toArray();
        long s = x[0];
        for (int k = 1; k < x.length; k++) s = combine(op, s, x[k]);
        return s;
    }

    /** a (op) b for op = the ordinal of SUM, PROD, MIN or MAX; MIN/MAX propagate NaN as Math.min/max. */
    static double combine(int op, double a, double b) {
        return op == Op.SUM.ordinal() ? a + b : op == Op.PROD.ordinal() ? a * b : op == Op.MIN.ordinal() ? Math.min(a, b) : Math.max(a, b);
    }

    static long combine(int op, long a, long b) {
        return op == Op.SUM.ordinal() ? a + b : op == Op.PROD.ordinal() ? a * b : op == Op.MIN.ordinal() ? Math.min(a, b) : Math.max(a, b);
    }

    /** The identity of a reduction in type t (float64 or int64), boxed. */
    static Object identity(Op red, DType t) {
        boolean f = t == DType.FLOAT64;
        return switch (red) {
            case SUM -> f ? (Object) 0.0 : (Object) 0L;
            case PROD -> f ? (Object) 1.0 : (Object) 1L;
            case MIN -> f ? (Object) Double.POSITIVE_INFINITY : (Object) Long.MAX_VALUE;
            default -> f ? (Object) Double.NEGATIVE_INFINITY : (Object) Long.MIN_VALUE;
        };
    }

    /** The first n bits of a mask loaded from a[off..off+n) (the tail of a bool input). */
    static VectorMask<?> loadBits(VectorSpecies<?> s, boolean[] a, int off, int n) {
        boolean[] t = new boolean[s.length()];
        System.arraycopy(a, off, t, 0, n);
        return VectorMask.fromArray(s, t, 0);
    }

    /** Stores the first n bits of a mask into a[off..off+n) (the tail of a bool result). */
    static void storeBits(VectorMask<?> m, boolean[] a, int off, int n) {
        System.arraycopy(m.toArray(), 0, a, off, n);
    }

    /** The species of element type t (bool: the mask species of this program). */
    VectorSpecies<?> species(DType t) {
        return speciesOf(t == DType.BOOL ? maskType : t);
    }

    private static VectorSpecies<?> speciesOf(DType t) {
        return switch (t) {
            case FLOAT64 -> DoubleVector.SPECIES_PREFERRED;
            case FLOAT32 -> FloatVector.SPECIES_PREFERRED;
            case INT64 -> LongVector.SPECIES_PREFERRED;
            case INT32 -> IntVector.SPECIES_PREFERRED;
            default -> ByteVector.SPECIES_PREFERRED;
        };
    }

    /** The mask element type of a program with these types: its float type, else its int type, else bool (bytes). */
    private static DType maskTypeOf(Set<DType> types) {
        for (DType t : new DType[] {DType.FLOAT64, DType.FLOAT32, DType.INT64, DType.INT32}) if (types.contains(t)) return t;
        return DType.BOOL;
    }

    /** The vector lane count the fused loop of an eligible program uses. */
    static int lanesFor(Program p) {
        Set<DType> types = EnumSet.noneOf(DType.class);
        allTypes(p.tree instanceof TNode.Reduce r ? r.arg() : p.tree, types);
        return speciesOf(maskTypeOf(types)).length();
    }

    /** A scalar of type t (boxed as in {@link Scalars}) broadcast to a vector, or to a mask for bool. */
    Object broadcast(DType t, Object v) {
        return switch (t) {
            case FLOAT64 -> DoubleVector.broadcast(DoubleVector.SPECIES_PREFERRED, ((Number) v).doubleValue());
            case FLOAT32 -> FloatVector.broadcast(FloatVector.SPECIES_PREFERRED, ((Number) v).floatValue());
            case INT64 -> LongVector.broadcast(LongVector.SPECIES_PREFERRED, ((Number) v).longValue());
            case INT32 -> IntVector.broadcast(IntVector.SPECIES_PREFERRED, ((Number) v).intValue());
            case BOOL -> species(DType.BOOL).maskAll((Boolean) v);
            default -> throw new IllegalStateException("broadcast of " + t);
        };
    }

    /** Generates the loop for a program whose variables named in {@code scalarVars} are scalars. */
    Fused(Program p, Set<String> scalarVars) throws ReflectiveOperationException {
        long t0 = System.nanoTime();
        TNode body = p.tree instanceof TNode.Reduce r ? r.arg() : p.tree;
        Set<DType> types = EnumSet.noneOf(DType.class);
        allTypes(body, types);
        maskType = maskTypeOf(types);
        collect(body, scalarVars);
        lanes = species(DType.BOOL).length();
        constants = constList.toArray();
        ClassDesc self = ClassDesc.of(Fused.class.getPackageName() + ".FusedKernel");
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.ofClassLoading(Fused.class.getClassLoader())));
        DType outType = body.type();
        byte[] bytes = cf.build(self, cb -> cb
                .withFlags(AccessFlag.FINAL, AccessFlag.SYNTHETIC)
                .withMethodBody("run", RUN, ClassFile.ACC_STATIC | ClassFile.ACC_PUBLIC,
                        code -> new Emitter(code, p.reduce, outType, types).body(body)));
        MethodHandles.Lookup lk = MethodHandles.lookup().defineHiddenClass(bytes, true);
        run = lk.findStatic(lk.lookupClass(), "run", MethodType.methodType(void.class, Object[].class, int[].class,
                Object[].class, Object.class, int.class, int.class, int.class));
        generateNanos = System.nanoTime() - t0;
    }

    private static void allTypes(TNode n, Set<DType> out) {
        out.add(n.type());
        if (n instanceof TNode.Apply a) {
            out.add(a.argType());
            a.args().forEach(x -> allTypes(x, out));
        }
    }

    private void collect(TNode n, Set<String> scalarVars) {
        switch (n) {
            case TNode.Var v -> {
                if (scalarVars.contains(v.name())) {
                    if (!scalarSlot.containsKey(v.name())) {
                        scalarSlot.put(v.name(), scalarSlot.size());
                        constList.add(null);
                    }
                } else if (!arrays.contains(v.name())) {
                    arrays.add(v.name());
                    arrayTypes.add(v.type());
                }
            }
            case TNode.Const c -> {
                Object key = List.of("const", c.type(), c.value());
                if (!scalarSlot.containsKey(key)) {
                    scalarSlot.put(key, scalarSlot.size());
                    constList.add(broadcast(c.type(), c.value()));
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
            case TNode.Const c -> scalarSlot.get(List.of("const", c.type(), c.value()));
            default -> -1;
        };
    }

    private static ClassDesc vec(DType t) {
        return switch (t) {
            case FLOAT64 -> ClassDesc.of(VEC + "DoubleVector");
            case FLOAT32 -> ClassDesc.of(VEC + "FloatVector");
            case INT64 -> ClassDesc.of(VEC + "LongVector");
            case INT32 -> ClassDesc.of(VEC + "IntVector");
            case BOOL -> CD_MASK;
            default -> throw new IllegalStateException(t.toString());
        };
    }

    private static ClassDesc elem(DType t) {
        return switch (t) {
            case FLOAT64 -> CD_double;
            case FLOAT32 -> CD_float;
            case INT64 -> CD_long;
            case INT32 -> CD_int;
            case BOOL -> java.lang.constant.ConstantDescs.CD_boolean;
            default -> throw new IllegalStateException(t.toString());
        };
    }

    /** Writes the method body; locals: 0..6 parameters, then per array its array, offset and loaded value. */
    private final class Emitter {
        final CodeBuilder c;
        final Op reduce;
        final DType outType;
        final int[] arrLocal;
        final int[] offLocal;
        final int[] vecLocal;
        final int[] scalarLocal;
        final Map<DType, Integer> tailMask = new EnumMap<>(DType.class);
        final int outLocal;
        final int iLocal;
        final int ubLocal;
        final int accLocal;
        int nextLocal;
        boolean masked;

        Emitter(CodeBuilder c, Op reduce, DType outType, Set<DType> types) {
            this.c = c;
            this.reduce = reduce;
            this.outType = outType;
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
            for (DType t : types) if (numeric(t)) tailMask.put(t, l++);
            tailMask.put(DType.BOOL, l++);
            outLocal = l++;
            iLocal = l++;
            ubLocal = l++;
            accLocal = l++;
            nextLocal = l;
        }

        /** Pushes the species of t (bool: the mask species). */
        void species(DType t) {
            DType s = t == DType.BOOL ? maskType : t;
            ClassDesc owner = s == DType.BOOL ? ClassDesc.of(VEC + "ByteVector") : vec(s);
            c.getstatic(owner, "SPECIES_PREFERRED", CD_SPECIES);
        }

        void body(TNode tree) {
            for (int k = 0; k < arrLocal.length; k++) {
                c.aload(0).loadConstant(k).aaload().checkcast(elem(arrayTypes.get(k)).arrayType()).astore(arrLocal[k]);
                c.aload(1).loadConstant(k).iaload().istore(offLocal[k]);
            }
            for (int s = 0; s < scalarLocal.length; s++) {
                c.aload(2).loadConstant(s).aaload().checkcast(vec(scalarType(s, tree))).astore(scalarLocal[s]);
            }
            c.aload(3).checkcast(elem(outType).arrayType()).astore(outLocal);
            if (reduce != null) {
                identity();
                c.astore(accLocal);
            }
            int vlen = lanes;
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
            for (Map.Entry<DType, Integer> e : tailMask.entrySet()) {
                species(e.getKey());
                c.iload(iLocal).iload(6);
                c.invokeinterface(CD_SPECIES, "indexInRange", MethodTypeDesc.of(CD_MASK, CD_int, CD_int));
                c.astore(e.getValue());
            }
            masked = true;
            iteration(tree);
            c.labelBinding(end);
            if (reduce != null) {
                c.aload(outLocal).iload(4).aload(accLocal).loadConstant(reduce.ordinal());
                c.invokestatic(CD_SELF, "lanes", MethodTypeDesc.of(elem(outType), vec(outType), CD_int));
                if (outType == DType.FLOAT64) c.dastore();
                else c.lastore();
            }
            c.return_();
        }

        private DType scalarType(int slot, TNode tree) {
            DType[] found = new DType[1];
            find(tree, slot, found);
            return found[0];
        }

        private void find(TNode n, int slot, DType[] found) {
            if ((n instanceof TNode.Var || n instanceof TNode.Const) && slotOf(n) == slot) found[0] = n.type();
            if (n instanceof TNode.Apply a) a.args().forEach(x -> find(x, slot, found));
        }

        /** Pushes the reduction's identity as a vector of the output type. */
        void identity() {
            Object id = Fused.identity(reduce, outType);
            constant(outType, id);
        }

        /** Pushes a broadcast constant of numeric type t. */
        void constant(DType t, Object v) {
            species(t);
            switch (t) {
                case FLOAT64 -> c.loadConstant(((Number) v).doubleValue());
                case FLOAT32 -> c.loadConstant(((Number) v).floatValue());
                case INT64 -> c.loadConstant(((Number) v).longValue());
                default -> c.loadConstant(((Number) v).intValue());
            }
            c.invokestatic(vec(t), "broadcast", MethodTypeDesc.of(vec(t), CD_SPECIES, elem(t)));
        }

        void iteration(TNode tree) {
            for (int k = 0; k < arrLocal.length; k++) {
                DType t = arrayTypes.get(k);
                if (t == DType.BOOL) {
                    species(t);
                    c.aload(arrLocal[k]).iload(offLocal[k]).iload(iLocal).iadd();
                    if (masked) {
                        c.iload(6).iload(iLocal).isub();
                        c.invokestatic(CD_SELF, "loadBits", MethodTypeDesc.of(CD_MASK, CD_SPECIES,
                                elem(t).arrayType(), CD_int, CD_int));
                    } else {
                        c.invokestatic(CD_MASK, "fromArray", MethodTypeDesc.of(CD_MASK, CD_SPECIES, elem(t).arrayType(), CD_int));
                    }
                } else {
                    species(t);
                    c.aload(arrLocal[k]).iload(offLocal[k]).iload(iLocal).iadd();
                    if (masked) {
                        c.aload(tailMask.get(t));
                        c.invokestatic(vec(t), "fromArray", MethodTypeDesc.of(vec(t), CD_SPECIES, elem(t).arrayType(), CD_int, CD_MASK));
                    } else {
                        c.invokestatic(vec(t), "fromArray", MethodTypeDesc.of(vec(t), CD_SPECIES, elem(t).arrayType(), CD_int));
                    }
                }
                c.astore(vecLocal[k]);
            }
            emit(tree);
            if (reduce != null) {
                int v = nextLocal++;
                if (masked) {                       // lanes past the end contribute the identity
                    c.astore(v);
                    identity();
                    c.aload(v).aload(tailMask.get(outType));
                    c.invokevirtual(vec(outType), "blend", MethodTypeDesc.of(vec(outType), CD_V, CD_MASK));
                }
                c.astore(v);
                c.aload(accLocal);
                c.getstatic(CD_OPS, reduce == Op.SUM ? "ADD" : reduce == Op.PROD ? "MUL" : reduce.name(), CD_ASSOC);
                c.aload(v);
                c.invokevirtual(vec(outType), "lanewise", MethodTypeDesc.of(vec(outType), CD_BINARY, CD_V));
                c.astore(accLocal);
                return;
            }
            if (outType == DType.BOOL) {
                c.aload(outLocal).iload(4).iload(iLocal).iadd();
                if (masked) {
                    c.iload(6).iload(iLocal).isub();
                    c.invokestatic(CD_SELF, "storeBits", MethodTypeDesc.of(CD_void, CD_MASK, elem(DType.BOOL).arrayType(), CD_int, CD_int));
                } else {
                    c.invokevirtual(CD_MASK, "intoArray", MethodTypeDesc.of(CD_void, elem(DType.BOOL).arrayType(), CD_int));
                }
                return;
            }
            c.aload(outLocal).iload(4).iload(iLocal).iadd();
            if (masked) {
                c.aload(tailMask.get(outType));
                c.invokevirtual(vec(outType), "intoArray", MethodTypeDesc.of(CD_void, elem(outType).arrayType(), CD_int, CD_MASK));
            } else {
                c.invokevirtual(vec(outType), "intoArray", MethodTypeDesc.of(CD_void, elem(outType).arrayType(), CD_int));
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

        /** Converts the mask on the stack from the mask species to t's species (nothing when they are one). */
        void maskTo(DType t) {
            if (t == maskType || t == DType.BOOL) return;
            species(t);
            c.invokevirtual(CD_MASK, "cast", MethodTypeDesc.of(CD_MASK, CD_SPECIES));
        }

        /** Converts a mask of t's species on the stack to the mask species. */
        void maskFrom(DType t) {
            if (t == maskType) return;
            species(DType.BOOL);
            c.invokevirtual(CD_MASK, "cast", MethodTypeDesc.of(CD_MASK, CD_SPECIES));
        }

        void binary(DType t, String op, TNode x, TNode y) {
            emit(x);
            binaryOp(op);
            emit(y);
            c.invokevirtual(vec(t), "lanewise", MethodTypeDesc.of(vec(t), CD_BINARY, CD_V));
        }

        /** Pushes a binary operator constant; ADD, MUL, AND, OR and XOR are declared as Associative. */
        void binaryOp(String op) {
            boolean assoc = Set.of("ADD", "MUL", "AND", "OR", "XOR", "MIN", "MAX").contains(op);
            c.getstatic(CD_OPS, op, assoc ? CD_ASSOC : CD_BINARY);
        }

        void unary(DType t, String op, TNode x) {
            emit(x);
            c.getstatic(CD_OPS, op, CD_UNARY);
            c.invokevirtual(vec(t), "lanewise", MethodTypeDesc.of(vec(t), CD_UNARY));
        }

        void mul(DType t) {
            binaryOp("MUL");
            c.swap();
            c.invokevirtual(vec(t), "lanewise", MethodTypeDesc.of(vec(t), CD_BINARY, CD_V));
        }

        /** x**n by the multiplication order of {@link Scalars#powi(double, int)} (any order for integers). */
        void powi(DType t, TNode x, int n) {
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
                        mul(t);
                        c.astore(r);
                    }
                    first = false;
                }
                k >>>= 1;
                if (k != 0) {
                    c.aload(b).aload(b);
                    mul(t);
                    c.astore(b);
                }
            }
            if (first) {
                constant(t, 1);
                c.astore(r);
            }
            if (n < 0) {
                constant(t, 1);
                binaryOp("DIV");
                c.aload(r);
                c.invokevirtual(vec(t), "lanewise", MethodTypeDesc.of(vec(t), CD_BINARY, CD_V));
            } else {
                c.aload(r);
            }
        }

        void apply(TNode.Apply a) {
            List<TNode> x = a.args();
            DType t = a.argType();
            if (t == DType.BOOL && a.op() != Op.CAST && a.op() != Op.WHERE) {
                boolMask(a);
                return;
            }
            switch (a.op()) {
                case ADD -> binary(t, "ADD", x.get(0), x.get(1));
                case SUB -> binary(t, "SUB", x.get(0), x.get(1));
                case MUL -> binary(t, "MUL", x.get(0), x.get(1));
                case DIV -> binary(t, "DIV", x.get(0), x.get(1));
                case POW -> binary(t, "POW", x.get(0), x.get(1));
                case ARCTAN2 -> binary(t, "ATAN2", x.get(0), x.get(1));
                case AND -> binary(t, "AND", x.get(0), x.get(1));
                case OR -> binary(t, "OR", x.get(0), x.get(1));
                case XOR -> binary(t, "XOR", x.get(0), x.get(1));
                case NOT -> unary(t, "NOT", x.get(0));
                case NEG -> unary(t, "NEG", x.get(0));
                case ABS -> unary(t, "ABS", x.get(0));
                case SQRT -> unary(t, "SQRT", x.get(0));
                case SIN -> unary(t, "SIN", x.get(0));
                case COS -> unary(t, "COS", x.get(0));
                case TAN -> unary(t, "TAN", x.get(0));
                case ARCSIN -> unary(t, "ASIN", x.get(0));
                case ARCCOS -> unary(t, "ACOS", x.get(0));
                case ARCTAN -> unary(t, "ATAN", x.get(0));
                case SINH -> unary(t, "SINH", x.get(0));
                case COSH -> unary(t, "COSH", x.get(0));
                case TANH -> unary(t, "TANH", x.get(0));
                case EXP -> unary(t, "EXP", x.get(0));
                case EXPM1 -> unary(t, "EXPM1", x.get(0));
                case LOG -> unary(t, "LOG", x.get(0));
                case LOG10 -> unary(t, "LOG10", x.get(0));
                case LOG1P -> unary(t, "LOG1P", x.get(0));
                case POWI -> powi(t, x.get(0), a.param());
                case EQ, NE, LT, LE, GT, GE -> {
                    emit(x.get(0));
                    c.getstatic(CD_OPS, a.op().name(), CD_COMPARISON);
                    emit(x.get(1));
                    c.invokevirtual(vec(t), "compare", MethodTypeDesc.of(CD_MASK, CD_COMPARISON, CD_V));
                    maskFrom(t);
                }
                case WHERE -> where(a);
                case CAST -> cast(a);
                default -> throw new IllegalStateException("not fusable: " + a.op());
            }
        }

        /** Logical operations and == != on bools: mask operations. */
        void boolMask(TNode.Apply a) {
            List<TNode> x = a.args();
            emit(x.get(0));
            if (a.op() == Op.NOT) {
                c.invokevirtual(CD_MASK, "not", MethodTypeDesc.of(CD_MASK));
                return;
            }
            emit(x.get(1));
            String m = switch (a.op()) {
                case AND -> "and";
                case OR -> "or";
                case XOR, NE -> "xor";
                case EQ -> "eq";
                default -> throw new IllegalStateException("not fusable: " + a.op());
            };
            c.invokevirtual(CD_MASK, m, MethodTypeDesc.of(CD_MASK, CD_MASK));
        }

        void where(TNode.Apply a) {
            List<TNode> x = a.args();
            DType t = a.type();
            if (t == DType.BOOL) {            // (c & x) | (y & ~c)
                int cond = nextLocal++;
                emit(x.get(0));
                c.astore(cond);
                emit(x.get(1));
                c.aload(cond);
                c.invokevirtual(CD_MASK, "and", MethodTypeDesc.of(CD_MASK, CD_MASK));
                emit(x.get(2));
                c.aload(cond);
                c.invokevirtual(CD_MASK, "andNot", MethodTypeDesc.of(CD_MASK, CD_MASK));
                c.invokevirtual(CD_MASK, "or", MethodTypeDesc.of(CD_MASK, CD_MASK));
                return;
            }
            emit(x.get(2));                    // y.blend(x, mask): lanes where the mask is set take x
            emit(x.get(1));
            emit(x.get(0));
            maskTo(t);
            c.invokevirtual(vec(t), "blend", MethodTypeDesc.of(vec(t), CD_V, CD_MASK));
        }

        void cast(TNode.Apply a) {
            DType from = a.argType();
            DType to = a.type();
            TNode x = a.args().get(0);
            if (from == to) {
                emit(x);
            } else if (from == DType.BOOL) {   // 0.blend(1, mask)
                int m = nextLocal++;
                emit(x);
                maskTo(to);
                c.astore(m);
                constant(to, 0);
                constant(to, 1);
                c.aload(m);
                c.invokevirtual(vec(to), "blend", MethodTypeDesc.of(vec(to), CD_V, CD_MASK));
            } else {                           // int32 -> float32 or int64 -> float64, lane for lane
                emit(x);
                c.getstatic(CD_OPS, from == DType.INT32 ? "I2F" : "L2D", CD_CONVERSION);
                c.loadConstant(0);
                c.invokevirtual(CD_V, "convert", MethodTypeDesc.of(CD_V, CD_CONVERSION, CD_int));
                c.checkcast(vec(to));
            }
        }
    }

    /** Evaluates elements [from, to) of the inputs into out (see the class comment for the layout). */
    void invoke(Object[] in, int[] off, Object[] scalars, Object out, int outOff, int from, int to) {
        try {
            run.invokeExact(in, off, scalars, out, outOff, from, to);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
