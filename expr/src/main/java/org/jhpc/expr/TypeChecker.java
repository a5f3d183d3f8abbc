package org.jhpc.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Types a syntax tree with numexpr's casting rules and folds constant sub-expressions (the all-literal parts
 * were folded before, with Python's arithmetic, by {@link PyConst}):
 * <ul>
 * <li>kinds in numexpr's order {@code bool < int32 < int64 < float32 < float64 < complex128}: an operation on two
 * kinds computes in the larger one, so int32 or int64 with float32 is float32, and a float literal (float64)
 * widens float32, as in numexpr 2.8. Integer literals are int32 when they fit, else int64.</li>
 * <li>{@code + - * / % // **} need numbers; a bool meeting a number is cast to it ({@code 0.25 * (a < 5)}), two
 * bools are refused (numexpr has no bool arithmetic); {@code /} is true division (int/int is float64);
 * {@code %} and {@code //} have no complex form; comparisons give bool (complex only {@code == !=});
 * {@code & | ^ ~} take bools (logical) or integers (bitwise); shifts take integers.</li>
 * <li>{@code x**n} for an integral constant {@code |n| <= 64} is done by multiplication ({@link Op#POWI}) in x's
 * kind (an integer base stays integer, also for {@code x**2.0}), {@code x**0.5} is {@code sqrt(x)}; an integer
 * base with a negative integer constant exponent is refused (numpy and numexpr refuse it); with a negative
 * float exponent it is computed in float64.</li>
 * <li>Functions of floats take integers as float64 and bools as float32 (numexpr's casting); {@code abs} of an
 * integer is float64 as in numexpr; {@code abs} of a complex value is float64 (numpy's kind, where numexpr
 * returns the same value as a complex); {@code real}/{@code imag} are float64; {@code copy} keeps bools.</li>
 * <li>{@code sum}/{@code prod}/{@code min}/{@code max} (alias {@code product}) must be the outermost call and keep
 * the operand's kind as numexpr does (int32 stays int32, float32 stays float32; bools sum to int64); integers
 * accumulate in int64 and floats in float64, then convert. {@code min}/{@code max} refuse bool and complex;
 * negative axes are refused (numexpr refuses them). {@code any}/{@code all} (numpy's; numexpr 2.8.4 has neither)
 * take bools and give a bool.</li>
 * </ul>
 */
final class TypeChecker {
    static final int MAX_POWI = 64;

    private record Fn(Op op, int arity) {}

    /** The functions, from the table of operations (names, aliases and arities). */
    private static final Map<String, Fn> FUNCTIONS = functions();

    private static Map<String, Fn> functions() {
        Map<String, Fn> m = new java.util.HashMap<>();
        OpTable.FUNCTIONS.forEach((name, op) -> m.put(name, new Fn(op, OpTable.entry(op).arity())));
        return Map.copyOf(m);
    }

    private final String src;
    private final Function<String, DType> vars;
    private final boolean fold;

    private TypeChecker(String src, Function<String, DType> vars, boolean fold) {
        this.src = src;
        this.vars = vars;
        this.fold = fold;
    }

    /**
     * Types {@code root}; {@code vars} gives a variable's type or null when it is unbound. With {@code fold},
     * operations on constants are evaluated now.
     */
    static TNode check(String src, Node root, Function<String, DType> vars, boolean fold) {
        return new TypeChecker(src, vars, fold).top(root);
    }

    /** Checks what needs no types: known functions, their arity, reductions only outermost. */
    static void checkCalls(String src, Node root) {
        check(src, root, true, null);
    }

    private static void check(String src, Node n, boolean top, Object unused) {
        switch (n) {
            case Node.Unary u -> check(src, u.arg(), false, null);
            case Node.Binary b -> {
                check(src, b.left(), false, null);
                check(src, b.right(), false, null);
            }
            case Node.Call c -> {
                Fn f = FUNCTIONS.get(c.fn());
                if (f == null) throw new ExprException("unknown function '" + c.fn() + "'", src, c.pos());
                if (c.args().size() != f.arity()) {
                    throw new ExprException(c.fn() + "() takes " + f.arity() + " argument" + (f.arity() == 1 ? "" : "s")
                            + ", got " + c.args().size(), src, c.pos());
                }
                boolean red = f.op().isReduction();
                if (red && !top) {
                    throw new ExprException(c.fn() + "() must be the outermost operation of the expression", src, c.pos());
                }
                if (!red && c.axis() != null) throw new ExprException(c.fn() + "() takes no axis", src, c.pos());
                for (Node a : c.args()) check(src, a, false, null);
            }
            default -> { }
        }
    }

    private ExprException err(String msg, int pos) {
        return new ExprException(msg, src, pos);
    }

    private TNode top(Node root) {
        checkCalls(src, root);
        if (root instanceof Node.Call c && FUNCTIONS.get(c.fn()).op().isReduction()) {
            TNode arg = type(c.args().get(0));
            DType t = arg.type();
            Op op = FUNCTIONS.get(c.fn()).op();
            if (t == DType.BYTES) throw err(c.fn() + "() cannot reduce byte strings", c.pos());
            String rule = OpTable.entry(op).typing();
            if (rule.equals("minmax") && (t == DType.BOOL || t == DType.COMPLEX128)) {
                throw err(c.fn() + "() of " + t + " values is not supported", c.pos());
            }
            if (rule.equals("logical") && t != DType.BOOL) {
                throw err(c.fn() + "() needs bools, not " + t + " (compare first, as in " + c.fn() + "(x > 0))", c.pos());
            }
            if (c.axis() != null && c.axis() < 0) {
                throw err(c.fn() + "() takes no negative axis (numexpr refuses it too); count axes from 0", c.pos());
            }
            if (rule.equals("logical")) return new TNode.Reduce(op, DType.BOOL, c.axis(), arg, c.pos());
            DType rt = t == DType.BOOL ? DType.INT64 : t;
            DType acc = t == DType.BOOL || t == DType.INT32 ? DType.INT64 : t == DType.FLOAT32 ? DType.FLOAT64 : t;
            return new TNode.Reduce(op, rt, c.axis(), cast(arg, acc), c.pos());
        }
        return type(root);
    }

    private TNode type(Node n) {
        return switch (n) {
            case Node.Num num -> literal(num);
            case Node.Str s -> new TNode.Const(DType.BYTES, s.value(), s.pos());
            case Node.Name nm -> {
                DType t = vars.apply(nm.name());
                if (t == null) throw err("unknown variable '" + nm.name() + "'", nm.pos());
                yield new TNode.Var(t, nm.name(), nm.pos());
            }
            case Node.Unary u -> unary(u);
            case Node.Binary b -> binary(b);
            case Node.Call c -> call(c);
        };
    }

    private static TNode literal(Node.Num num) {
        Object v = num.value();
        if (v instanceof Long l) {
            return l == (int) (long) l ? new TNode.Const(DType.INT32, (int) (long) l, num.pos())
                    : new TNode.Const(DType.INT64, l, num.pos());
        }
        if (v instanceof Double) return new TNode.Const(DType.FLOAT64, v, num.pos());
        if (v instanceof Complex) return new TNode.Const(DType.COMPLEX128, v, num.pos());
        return new TNode.Const(DType.BOOL, v, num.pos());
    }

    static TNode cast(TNode n, DType to) {
        if (n.type() == to) return n;
        if (n instanceof TNode.Const c) return new TNode.Const(to, Scalars.cast(c.value(), to), c.pos());
        return new TNode.Apply(Op.CAST, to, n.type(), 0, List.of(n), n.pos());
    }

    private TNode apply(Op op, DType type, DType argType, int param, List<TNode> args, int pos) {
        if (fold && args.stream().allMatch(a -> a instanceof TNode.Const)) {
            Object[] vals = args.stream().map(a -> ((TNode.Const) a).value()).toArray();
            return new TNode.Const(type, Scalars.apply(op, argType, param, vals), pos);
        }
        return new TNode.Apply(op, type, argType, param, args, pos);
    }

    private TNode unary(Node.Unary u) {
        TNode a = type(u.arg());
        DType t = a.type();
        switch (u.op()) {
            case "+" -> {
                if (!t.isNumeric()) throw err("unary '+' needs a number, not " + t, u.pos());
                return a;
            }
            case "-" -> {
                if (!t.isNumeric()) throw err("unary '-' needs a number, not " + t + (t == DType.BOOL ? " (use ~ to negate a bool)" : ""), u.pos());
                return apply(OpTable.UNARY.get("-"), t, t, 0, List.of(a), u.pos());
            }
            default -> {
                if (t != DType.BOOL && !t.isInteger()) throw err("'~' needs a bool or an integer, not " + t, u.pos());
                return apply(OpTable.UNARY.get("~"), t, t, 0, List.of(a), u.pos());
            }
        }
    }

    /**
     * A binary operator: its operation and typing rule come from the table of operations; a kind without a kernel
     * in the table (complex {@code %}, {@code //}, {@code <}) is refused.
     */
    private TNode binary(Node.Binary b) {
        TNode l = type(b.left());
        TNode r = type(b.right());
        DType lt = l.type();
        DType rt = r.type();
        String op = b.op();
        int pos = b.pos();
        Op o = OpTable.BINARY.get(op);
        String rule = OpTable.entry(o).typing();
        switch (rule) {
            case "arith", "truediv" -> {
                boolean truediv = rule.equals("truediv");
                if (!(truediv && lt == DType.BOOL && rt == DType.BOOL)) numeric(op, lt, rt, pos);
                DType t = join(l, r);
                if (truediv && (t.isInteger() || t == DType.BOOL)) t = DType.FLOAT64;
                if (t == DType.COMPLEX128 && !OpTable.has(o, t)) throw err("'" + op + "' is not defined for complex numbers", pos);
                return apply(o, t, t, 0, List.of(cast(l, t), cast(r, t)), pos);
            }
            case "power" -> {
                numeric(op, lt, rt, pos);
                if (lt == DType.BOOL) throw err("'**' takes no bool base (numexpr has no bool powers); cast it with where()", pos);
                return power(l, r, pos);
            }
            case "shift" -> {
                if (!lt.isInteger() || !rt.isInteger()) throw err("'" + op + "' needs integers, not " + lt + " and " + rt, pos);
                DType t = DType.promote(lt, rt);
                return apply(o, t, t, 0, List.of(cast(l, t), cast(r, t)), pos);
            }
            case "bitwise" -> {
                boolean bools = lt == DType.BOOL && rt == DType.BOOL;
                boolean ints = lt.isInteger() && rt.isInteger();
                if (!bools && !ints) throw err("'" + op + "' needs two bools or two integers, not " + lt + " and " + rt, pos);
                DType t = DType.promote(lt, rt);
                return apply(o, t, t, 0, List.of(cast(l, t), cast(r, t)), pos);
            }
            case "compare" -> {
                DType t;
                if (lt == DType.BYTES || rt == DType.BYTES) {
                    if (lt != rt) throw err("cannot compare " + lt + " with " + rt, pos);
                    t = lt;
                } else {
                    t = join(l, r);
                    if (t == DType.COMPLEX128 && !OpTable.has(o, t)) {
                        throw err("complex numbers have no order; only == and != compare them", pos);
                    }
                }
                return apply(o, DType.BOOL, t, 0, List.of(cast(l, t), cast(r, t)), pos);
            }
            default -> throw new IllegalStateException("no typing rule '" + rule + "' for operator " + op);
        }
    }

    /** The common type of two operands: the larger of the two kinds in numexpr's order ({@link DType#promote}). */
    static DType join(TNode l, TNode r) {
        return DType.promote(l.type(), r.type());
    }

    /** Arithmetic takes numbers, and bools next to numbers (cast to them); two bools or byte strings are refused. */
    private void numeric(String op, DType lt, DType rt, int pos) {
        boolean ok = (lt.isNumeric() || lt == DType.BOOL) && (rt.isNumeric() || rt == DType.BOOL) && (lt.isNumeric() || rt.isNumeric());
        if (!ok) {
            throw err("'" + op + "' needs numbers, not " + lt + " and " + rt
                    + (lt == DType.BOOL && rt == DType.BOOL ? " (no arithmetic on two bools; use & | ^ or cast with where())" : ""), pos);
        }
    }

    /** The value of a constant sub-tree (folded or not), or null. */
    private static TNode.Const constant(TNode n) {
        if (n instanceof TNode.Const c) return c;
        if (n instanceof TNode.Apply a) {
            Object[] vals = new Object[a.args().size()];
            for (int i = 0; i < vals.length; i++) {
                TNode.Const c = constant(a.args().get(i));
                if (c == null) return null;
                vals[i] = c.value();
            }
            return new TNode.Const(a.type(), a.op() == Op.CAST ? Scalars.cast(vals[0], a.type()) : Scalars.apply(a.op(), a.argType(), a.param(), vals), a.pos());
        }
        return null;
    }

    private TNode power(TNode l, TNode r, int pos) {
        DType bt = l.type() == DType.BOOL ? DType.INT32 : l.type();
        if (constant(r) instanceof TNode.Const c && c.type() != DType.COMPLEX128) {
            double e = ((Number) (c.value() instanceof Boolean z ? (z ? 1 : 0) : c.value())).doubleValue();
            boolean intExp = c.type() == DType.BOOL || c.type().isInteger();
            if (bt.isInteger() && intExp && e < 0) {
                throw err("integers to negative integer powers are not allowed", pos);
            }
            if (e == Math.rint(e) && Math.abs(e) <= MAX_POWI) {
                int n = (int) e;
                DType t = bt.isInteger() && n < 0 ? DType.FLOAT64 : bt;
                return apply(Op.POWI, t, t, n, List.of(cast(l, t)), pos);
            }
            if (e == 0.5 && bt != DType.COMPLEX128) {
                DType ft = bt == DType.FLOAT32 ? DType.FLOAT32 : DType.FLOAT64;
                return apply(Op.SQRT, ft, ft, 0, List.of(cast(l, ft)), pos);
            }
            if (2 * e == Math.rint(2 * e) && Math.abs(e) <= 50) {
                DType t = bt.isInteger() ? DType.FLOAT64 : bt;          // numexpr: x**2.5 = x*x*sqrt(x), in x's float kind
                return apply(Op.POW, t, t, 0, List.of(cast(l, t), cast(r, t)), pos);
            }
        }
        DType t = DType.promote(bt, r.type());
        return apply(Op.POW, t, t, 0, List.of(cast(l, t), cast(r, t)), pos);
    }

    /**
     * A function call, typed by its rule in the table of operations: {@code float} (functions of floats: integers
     * as float64, bools as float32, complex where the table has a complex kernel), {@code real2} (two real
     * arguments, float32 when both fit it), {@code complex}, {@code where}, {@code contains}, {@code abs},
     * {@code conj}, {@code part} (real, imag), {@code copy}, {@code ones}; reductions are typed by {@link #top}.
     */
    private TNode call(Node.Call c) {
        Fn f = FUNCTIONS.get(c.fn());
        List<TNode> args = new ArrayList<>();
        for (Node a : c.args()) args.add(type(a));
        int pos = c.pos();
        String name = c.fn();
        Op op = f.op();
        String rule = OpTable.entry(op).typing();
        switch (rule) {
            case "where" -> {
                DType ct = args.get(0).type();
                if (ct != DType.BOOL) throw err("where() needs a bool condition, not " + ct, pos);
                DType x = args.get(1).type();
                DType y = args.get(2).type();
                DType t = x == DType.BYTES || y == DType.BYTES ? null : join(args.get(1), args.get(2));
                if (t == null) {
                    throw err("where() cannot choose between " + x + " and " + y, pos);
                }
                return apply(op, t, t, 0, List.of(args.get(0), cast(args.get(1), t), cast(args.get(2), t)), pos);
            }
            case "contains" -> {
                if (args.get(0).type() != DType.BYTES || args.get(1).type() != DType.BYTES) {
                    throw err("contains() needs two byte strings, not " + args.get(0).type() + " and " + args.get(1).type(), pos);
                }
                return apply(op, DType.BOOL, DType.BYTES, 0, args, pos);
            }
            case "real2", "complex" -> {
                for (TNode a : args) {
                    if (!(a.type().isNumeric() || a.type() == DType.BOOL) || a.type() == DType.COMPLEX128) {
                        throw err(name + "() needs real numbers, not " + a.type(), pos);
                    }
                }
                DType j = join(args.get(0), args.get(1));
                DType at = rule.equals("real2") && (j == DType.FLOAT32 || j == DType.BOOL) ? DType.FLOAT32 : DType.FLOAT64;
                DType rt = OpTable.entry(op).results().get(at);
                return apply(op, rt, at, 0, List.of(cast(args.get(0), at), cast(args.get(1), at)), pos);
            }
            case "reduce", "minmax", "logical" -> throw err(name + "() must be the outermost operation of the expression", pos);
            default -> {
                TNode a = args.get(0);
                DType t = a.type();
                if (rule.equals("copy") && t == DType.BOOL) return a;                   // copy() of bools
                if (!t.isNumeric() && !(t == DType.BOOL && !rule.equals("ones"))) throw err(name + "() needs a number, not " + t, pos);
                if (rule.equals("conj")) {
                    if (t != DType.COMPLEX128) return a;
                    return apply(op, t, t, 0, List.of(a), pos);
                }
                if (rule.equals("abs") && t == DType.COMPLEX128) return apply(op, DType.FLOAT64, t, 0, List.of(a), pos);
                if (rule.equals("part")) {
                    if (t != DType.COMPLEX128) {
                        TNode x = cast(a, DType.FLOAT64);
                        return op == Op.REAL ? x : apply(op, DType.FLOAT64, DType.FLOAT64, 0, List.of(x), pos);
                    }
                    return apply(op, DType.FLOAT64, t, 0, List.of(a), pos);
                }
                DType ft = t == DType.COMPLEX128 || t == DType.FLOAT32 ? t : t == DType.BOOL ? DType.FLOAT32 : DType.FLOAT64;
                if (rule.equals("copy")) return cast(a, ft);                            // copy()
                if (ft == DType.COMPLEX128 && !OpTable.has(op, ft)) throw err(name + "() needs real numbers, not complex128", pos);
                return apply(op, ft, ft, 0, List.of(cast(a, ft)), pos);
            }
        }
    }
}
