package org.jhpc.expr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compiled array expression, numexpr's {@code evaluate} for Java:
 * <pre>
 *   Expr e = Expr.compile("2*sin(a)*cos(b) + sqrt(a*b)");
 *   NdArray r = e.evaluate(Map.of("a", NdArray.of(a), "b", NdArray.of(b)));
 * </pre>
 * The text is parsed once; the typed program is built per combination of input types (and cached), then run in
 * blocks of {@link #blockSize()} elements with block-sized temporaries, on up to {@link #numThreads()} threads.
 * An expression is data: it can only name variables and the functions listed in the README, nothing else.
 * Instances are immutable and safe to evaluate from many threads at once.
 * <p>Bindings map each variable to an {@link NdArray} (any view), a Java array ({@code double[]}, {@code long[]},
 * {@code int[]}, {@code boolean[]}, {@code float[]}), or a scalar ({@code Double}, {@code Float}, {@code Long}, {@code Integer}, {@code Boolean},
 * {@link Complex}, {@code byte[]}/{@code String} for byte strings), which broadcasts. Array operands of
 * different shapes broadcast as in numpy ({@code (3,1)} with {@code (1,4)} is {@code (3,4)}), up to
 * {@link NdArray#MAX_DIMS} dimensions.
 */
public final class Expr {
    private final String source;
    private final Node ast;
    private final List<String> names;
    private final Map<String, Integer> firstUse;
    private final Map<List<Object>, Engine.Compiled> programs = new ConcurrentHashMap<>();

    private Expr(String source, Node ast, List<String> names, Map<String, Integer> firstUse) {
        this.source = source;
        this.ast = ast;
        this.names = names;
        this.firstUse = firstUse;
    }

    /** Parses and checks an expression (syntax, function names and arity); types are checked at evaluation. */
    public static Expr compile(String source) {
        Node ast = PyConst.fold(source, Parser.parse(source));
        TypeChecker.checkCalls(source, ast);
        Map<String, Integer> first = new LinkedHashMap<>();
        collect(ast, first);
        return new Expr(source, ast, List.copyOf(first.keySet()), first);
    }

    /** Compiles and evaluates once (the compiled form is not kept). */
    public static NdArray evaluate(String source, Map<String, ?> bindings) {
        return compile(source).evaluate(bindings);
    }

    private static void collect(Node n, Map<String, Integer> first) {
        switch (n) {
            case Node.Name nm -> first.putIfAbsent(nm.name(), nm.pos());
            case Node.Unary u -> collect(u.arg(), first);
            case Node.Binary b -> {
                collect(b.left(), first);
                collect(b.right(), first);
            }
            case Node.Call c -> c.args().forEach(a -> collect(a, first));
            default -> { }
        }
    }

    /** The expression text as compiled. */
    public String source() {
        return source;
    }

    /** The variables the expression uses, in order of first appearance. */
    public List<String> variables() {
        return names;
    }

    /** Evaluates into a new array of the result's type and shape (0-d for scalars and full reductions). */
    public NdArray evaluate(Map<String, ?> bindings) {
        return evaluate(bindings, null);
    }

    /**
     * Evaluates into {@code out} (numexpr's {@code out=}): it must have the result's shape, or a shape the result
     * broadcasts to (element-wise expressions), and a type the result converts to safely (e.g. int64 into float64). It may be a strided view. An {@code out} that overlaps an input
     * at the same elements is fine; any other overlap gives undefined results. Returns {@code out}.
     */
    public NdArray evaluate(Map<String, ?> bindings, NdArray out) {
        return prepare(bindings, out).run();
    }

    /**
     * Binds operands and output once for repeated evaluation (numexpr's {@code re_evaluate}): {@link Prepared#run()}
     * re-reads the arrays' current contents but skips binding, type and shape checks. With {@code out == null} a new
     * output array is allocated here and reused by every run.
     */
    public Prepared prepare(Map<String, ?> bindings, NdArray out) {
        Bound b = bind(bindings);
        Engine.Compiled c = compiled(b);
        Program p = c.p;
        if (out != null && p.reduce == null && !Arrays.equals(out.shape(), b.shape)
                && Arrays.equals(NdArray.broadcastShape(b.shape, out.shape()), out.shape())) {
            b = broadcast(b, out.shape());                    // numexpr: the result broadcasts into a larger out
        }
        int[] shape = resultShape(p, b.shape);
        int item = p.regs[p.result].itemSize();
        if ((p.reduce == Op.MIN || p.reduce == Op.MAX) && (p.axis == null ? size(b.shape) == 0 : b.shape.length > p.axis && b.shape[p.axis] == 0)) {
            throw new ExprException("zero-size array to " + p.reduce.mnemonic + "(), which has no identity");
        }
        if (out == null) {
            out = p.outType == DType.BYTES ? NdArray.zerosBytes(item, shape) : NdArray.zeros(p.outType, shape);
        } else {
            if (p.outType == DType.BYTES && out.dtype() == DType.BYTES && out.itemSize() != item) {
                throw new ExprException("out holds " + out.itemSize() + "-byte strings but the result has " + item + "-byte strings");
            }
            if (!Arrays.equals(out.shape(), shape)) {
                throw new ExprException("out has shape " + NdArray.shapeText(out.shape()) + " but the result has shape "
                        + NdArray.shapeText(shape));
            }
            if (!MiscKernels.safe(p.outType, out.dtype())) {
                throw new ExprException("cannot write a " + p.outType + " result into a " + out.dtype() + " out array");
            }
        }
        long size = 1;
        for (int s : b.shape) size *= s;
        NdArray[] inputs = new NdArray[p.regs.length];
        for (int r = 0; r < p.regs.length; r++) {
            if (p.regs[r].kind() == Program.Kind.INPUT) inputs[r] = b.values.get(p.regs[r].name());
        }
        return new Prepared(c, inputs, out, size, b.shape);
    }

    /** An expression bound to its operands and output; {@link #run()} may be called from any thread. */
    public static final class Prepared {
        private final Engine.Compiled c;
        private final NdArray[] inputs;
        private final NdArray out;
        private final long size;
        private final int[] shape;

        private Prepared(Engine.Compiled c, NdArray[] inputs, NdArray out, long size, int[] shape) {
            this.c = c;
            this.inputs = inputs;
            this.out = out;
            this.size = size;
            this.shape = shape;
        }

        /** Evaluates into the bound output and returns it. */
        public NdArray run() {
            Program p = c.p;
            if (p.reduce == null) {
                c.calls.incrementAndGet();
                if (!Tiers.tryFused(c, inputs, out, size)) Engine.elementwise(c, inputs, out, size);
            } else if (out.ndim() == 0) {
                c.calls.incrementAndGet();
                if (!Tiers.tryFusedReduce(c, inputs, out, size)) Engine.reduceAll(c, inputs, out, size);
            } else {
                int outer = 1;
                int inner = 1;
                for (int d = 0; d < p.axis; d++) outer *= shape[d];
                for (int d = p.axis + 1; d < shape.length; d++) inner *= shape[d];
                Engine.reduceAxis(c, inputs, out, outer, shape[p.axis], inner);
            }
            return out;
        }

        /** The output array. */
        public NdArray out() {
            return out;
        }
    }

    private static long size(int[] shape) {
        long n = 1;
        for (int s : shape) n *= s;
        return n;
    }

    private int[] resultShape(Program p, int[] shape) {
        if (p.reduce == null) return shape;
        if (p.axis == null) return new int[0];
        int nd = shape.length;
        int ax = p.axis;
        if (nd == 0 || ax < 0 || ax >= nd) {
            throw new ExprException("axis " + p.axis + " is out of bounds for " + (nd == 0 ? "scalar operands" : "a " + nd + "-d array"));
        }
        int[] r = new int[nd - 1];
        for (int d = 0, k = 0; d < nd; d++) if (d != ax) r[k++] = shape[d];
        return r;
    }

    /**
     * The program for float64 arrays bound to every variable, as numexpr's {@code disassemble} shows it: the
     * registers, then one instruction per line.
     */
    public String disassemble() {
        Map<String, DType> t = new LinkedHashMap<>();
        for (String n : names) t.put(n, DType.FLOAT64);
        return disassemble(t);
    }

    /** The program for the given variable types. */
    public String disassemble(Map<String, DType> types) {
        Map<String, Object> fake = new LinkedHashMap<>();
        for (String n : names) {
            DType t = types.get(n);
            if (t == null) throw new ExprException("no type given for variable '" + n + "'");
            fake.put(n, NdArray.zeros(t, 1));
        }
        return compiled(bind(fake)).p.listing();
    }

    /**
     * What an evaluation with these operands will do, for people: the operands' types and shapes, the result's,
     * the typed register program ({@link #disassemble()}'s listing) and the tier that will run it, with why.
     */
    public String explain(Map<String, ?> bindings) {
        Bound b = bind(bindings);
        Engine.Compiled c = compiled(b);
        Program p = c.p;
        StringBuilder sb = new StringBuilder();
        sb.append("expression ").append(source).append('\n');
        b.values().forEach((n, a) -> sb.append("operand    ").append(n).append(": ").append(a.dtype().pyName())
                .append(a.ndim() == 0 ? " scalar" : " " + NdArray.shapeText(a.shape())).append('\n'));
        sb.append("result     ").append(p.outType.pyName()).append(' ').append(NdArray.shapeText(resultShape(p, b.shape())));
        if (p.reduce != null) sb.append(" (").append(p.reduce.mnemonic).append(", accumulated in ").append(p.resultType).append(')');
        sb.append('\n').append(p.listing());
        NdArray[] inputs = new NdArray[p.regs.length];
        for (int r = 0; r < p.regs.length; r++) {
            if (p.regs[r].kind() == Program.Kind.INPUT) inputs[r] = b.values().get(p.regs[r].name());
        }
        sb.append("tier       ").append(Tiers.plan(c, inputs, null, size(b.shape()))).append('\n');
        sb.append("threads    ").append(size(b.shape()) < Engine.serialCutoff ? "1 (below " + Engine.serialCutoff + " elements)"
                : String.valueOf(numThreads())).append('\n');
        return sb.toString();
    }

    /**
     * Which tier evaluates these operands now: {@code fused (generated in X ms)} once the generated loop exists
     * for them, else {@code interpreter}.
     */
    public String tier(Map<String, ?> bindings) {
        return Tiers.describe(compiled(bindings));
    }

    // ------------------------------------------------------------------ binding

    private record Bound(Map<String, NdArray> values, int[] shape, List<Object> key) {}

    private Bound bind(Map<String, ?> bindings) {
        if (bindings == null) bindings = Map.of();
        Map<String, NdArray> values = new LinkedHashMap<>();
        List<Object> key = new ArrayList<>();
        int[] shape = new int[0];
        String shapeOf = null;
        for (String n : names) {
            Object v = bindings.get(n);
            if (v == null) {
                throw new ExprException(bindings.containsKey(n) ? "variable '" + n + "' is bound to null"
                        : "unknown variable '" + n + "' (not in the bindings)", source, firstUse.get(n));
            }
            NdArray a = toArray(n, v);
            values.put(n, a);
            key.add(a.dtype());
            key.add(a.ndim() == 0);
            key.add(a.dtype() == DType.BYTES ? a.itemSize() : 0);
            if (a.ndim() > 0) {
                if (shapeOf == null) {
                    shape = a.shape();
                    shapeOf = n;
                } else {
                    int[] s = NdArray.broadcastShape(shape, a.shape());
                    if (s == null) {
                        throw new ExprException("shape mismatch: '" + n + "' has shape " + NdArray.shapeText(a.shape())
                                + " but '" + shapeOf + "' has shape " + NdArray.shapeText(shape));
                    }
                    if (!Arrays.equals(s, shape)) shapeOf = n;
                    shape = s;
                }
            }
        }
        for (Map.Entry<String, NdArray> e : values.entrySet()) {
            NdArray a = e.getValue();
            if (a.ndim() > 0 && !Arrays.equals(a.shape(), shape)) e.setValue(a.broadcastTo(shape));   // numpy's broadcasting
        }
        return new Bound(values, shape, key);
    }

    private static Bound broadcast(Bound b, int[] shape) {
        Map<String, NdArray> values = new LinkedHashMap<>();
        b.values().forEach((n, a) -> values.put(n, a.ndim() == 0 ? a : a.broadcastTo(shape)));
        return new Bound(values, shape.clone(), b.key());
    }

    private static NdArray toArray(String name, Object v) {
        return switch (v) {
            case NdArray a -> a;
            case double[] d -> NdArray.of(d);
            case float[] f -> NdArray.of(f);
            case long[] l -> NdArray.of(l);
            case int[] i -> NdArray.of(i);
            case boolean[] z -> NdArray.of(z);
            case Double d -> NdArray.scalar(d);
            case Float f -> NdArray.scalar(f);
            case Long l -> NdArray.scalar(l);
            case Integer i -> NdArray.scalar(i);
            case Short s -> NdArray.scalar((int) s);
            case Boolean z -> NdArray.scalar(z);
            case Complex z -> NdArray.scalar(z);
            case byte[] b -> NdArray.scalar(b);
            case String s -> NdArray.scalar(s.getBytes(StandardCharsets.ISO_8859_1));
            default -> throw new ExprException("variable '" + name + "' has unsupported type " + v.getClass().getName());
        };
    }

    /** The compiled program and its frame pool for these operands (compiled now when new). */
    Engine.Compiled compiled(Map<String, ?> bindings) {
        return compiled(bind(bindings));
    }

    private Engine.Compiled compiled(Bound b) {
        Engine.Compiled c = programs.get(b.key);
        if (c != null) return c;
        Map<String, Integer> items = new LinkedHashMap<>();
        b.values.forEach((n, a) -> items.put(n, a.itemSize()));
        TNode typed = TypeChecker.check(source, ast, n -> b.values.containsKey(n) ? b.values.get(n).dtype() : null, true);
        Program p = Program.compile(source, typed, items);
        if (programs.size() > 64) programs.clear();
        return programs.computeIfAbsent(b.key, k -> new Engine.Compiled(p));
    }

    /** The typed, unfolded tree for these bindings (for the reference evaluator). */
    TNode typedTree(Map<String, ?> bindings, boolean fold) {
        Bound b = bind(bindings);
        return TypeChecker.check(source, ast, n -> b.values.containsKey(n) ? b.values.get(n).dtype() : null, fold);
    }

    // ------------------------------------------------------------------ settings

    /** Sets the number of threads (1..1024) and returns the previous value, like numexpr's set_num_threads. */
    public static int setNumThreads(int n) {
        return Pool.setThreads(n);
    }

    /** The thread count: JHPC_EXPR_THREADS if set, else the number of processors, unless set since. */
    public static int numThreads() {
        return Pool.threads();
    }

    /** Sets the block size in elements (1..1,048,576; default 2048) and returns the previous value. */
    public static int setBlockSize(int n) {
        if (n < 1 || n > (1 << 20)) throw new ExprException("block size must be in [1, 1048576], got " + n);
        int old = Engine.blockSize;
        Engine.blockSize = n;
        return old;
    }

    /** Elements per block of the interpreter (default 2048). */
    public static int blockSize() {
        return Engine.blockSize;
    }

    /** Arrays with fewer elements than this run on the calling thread only (default 32768); returns the old value. */
    public static int setSerialCutoff(int n) {
        if (n < 0) throw new ExprException("serial cutoff must be >= 0, got " + n);
        int old = Engine.serialCutoff;
        Engine.serialCutoff = n;
        return old;
    }

    /** Enables or disables the fused (generated code) tier; returns the previous setting. */
    public static boolean setFusion(boolean on) {
        return Tiers.setFusion(on);
    }

    @Override
    public String toString() {
        return "Expr(" + source + ")";
    }
}
