package org.jhpc.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.jhpc.core.Simd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The table of operations ({@code src/main/ops/operations.txt}), the parser and the type checker agree: every
 * operation of the table, spelled as the table spells it, with operands of every dtype, parses; when the type
 * checker accepts it, the block interpreter's result (generated kernels, with SIMD and without) equals the
 * reference tree walker at sizes 1, 7, 121 and 1023; and every (operation, operand dtype) kernel of the table is
 * reached by one of these expressions, so that the table holds no kernel the language cannot use.
 */
class OpTableTest {
    private static final DType[] TYPES = {DType.BOOL, DType.INT32, DType.INT64, DType.FLOAT32, DType.FLOAT64, DType.COMPLEX128};
    private static final int[] SIZES = {1, 7, 121, 1023};

    @AfterEach
    void restore() {
        Simd.force(null);
    }

    /** The expressions that exercise one operation (x, y: operands of one dtype; c: a bool condition). */
    static List<String> spellings(Op op) {
        OpTable.Entry e = OpTable.entry(op);
        List<String> out = new ArrayList<>();
        String fn = OpTable.FUNCTIONS.entrySet().stream().filter(m -> m.getValue() == op).map(Map.Entry::getKey).sorted().findFirst().orElse(null);
        String sym = OpTable.BINARY.entrySet().stream().filter(m -> m.getValue() == op).map(Map.Entry::getKey).findFirst()
                .orElse(OpTable.UNARY.entrySet().stream().filter(m -> m.getValue() == op).map(Map.Entry::getKey).findFirst().orElse(null));
        if (e.shape().equals("powi")) return List.of("x**2", "x**3", "x**-2", "x**4", "x**7", "x**0", "x**-5");
        if (e.shape().equals("reduce")) return List.of(fn + "(x)", fn + "(z, axis=0)", fn + "(z, axis=1)");
        if (sym != null) out.add(e.arity() == 1 ? sym + "x" : "x " + sym + " y");
        if (fn != null) {
            out.add(switch (e.arity()) {
                case 1 -> fn + "(x)";
                case 2 -> fn + "(x, y)";
                default -> fn + "(c, x, y)";
            });
        }
        return out;
    }

    static NdArray array(DType t, int n, SplittableRandom r) {
        return switch (t) {
            case BOOL -> {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) v[i] = r.nextBoolean();
                yield NdArray.of(v);
            }
            case INT32 -> NdArray.of(r.ints(n, -20, 21).toArray());
            case INT64 -> NdArray.of(r.longs(n, -20, 21).toArray());
            case FLOAT32 -> {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) v[i] = (float) r.nextDouble(-2.5, 2.5);
                yield NdArray.of(v);
            }
            case FLOAT64 -> NdArray.of(r.doubles(n, -2.5, 2.5).toArray());
            case COMPLEX128 -> NdArray.ofComplex(r.doubles(2L * n, -2.5, 2.5).toArray());
            default -> throw new IllegalStateException();
        };
    }

    /** Each typed operation of the tree, as "OP dtype". */
    static void reached(TNode n, Set<String> into) {
        switch (n) {
            case TNode.Apply a -> {
                if (a.op() != Op.CAST) into.add(a.op() + " " + a.argType());
                a.args().forEach(x -> reached(x, into));
            }
            case TNode.Reduce r -> {
                into.add(r.op() + " " + r.arg().type());
                reached(r.arg(), into);
            }
            default -> { }
        }
    }

    @Test
    void everyTableOperationParsesTypesAndAgreesWithTheReference() {
        Set<String> reached = new TreeSet<>();
        Set<String> refused = new TreeSet<>();
        int checked = 0;
        SplittableRandom r = new SplittableRandom(14);
        for (Op op : Op.values()) {
            if (OpTable.shape(op).equals("custom")) continue;
            List<String> exprs = spellings(op);
            assertTrue(!exprs.isEmpty(), op + " has no spelling");
            for (DType t : TYPES) {
                for (String src : exprs) {
                    Expr e = Expr.compile(src);                          // parses and knows the function
                    for (int n : SIZES) {
                        Map<String, Object> in = new LinkedHashMap<>();
                        in.put("x", array(t, n, r));
                        in.put("y", array(t, n, r));
                        in.put("c", array(DType.BOOL, n, r));
                        in.put("z", array(t, 3 * n, r).reshape(3, n));
                        Map<String, Object> used = new LinkedHashMap<>();
                        for (String v : e.variables()) used.put(v, in.get(v));
                        TNode tree;
                        try {
                            tree = e.typedTree(used, false);
                        } catch (ExprException refusal) {
                            refused.add(src + " on " + t);
                            break;
                        }
                        reached(tree, reached);
                        NdArray want = Reference.evaluate(e, used);
                        boolean fusion = Expr.setFusion(false);
                        try {
                            for (boolean simd : new boolean[] {false, true}) {
                                Simd.force(simd);
                                NdArray got = e.evaluate(used);
                                Oracle.assertSame(src + " on " + t + ", n=" + n + (simd ? ", simd" : ", no simd"), want, got,
                                        OpTable.shape(op).equals("reduce") ? 1e-12 : simd ? 1e-14 : 0);
                            }
                        } finally {
                            Expr.setFusion(fusion);
                            Simd.force(null);
                        }
                        checked++;
                    }
                }
            }
        }
        List<String> unreached = new ArrayList<>();
        for (Op op : Op.values()) {
            if (OpTable.shape(op).equals("custom")) continue;
            for (DType t : OpTable.entry(op).dtypes()) if (!reached.contains(op + " " + t)) unreached.add(op + " " + t);
        }
        assertEquals(List.of(), unreached, "kernels of the table that no expression reaches");
        assertTrue(checked > 500, "only " + checked + " evaluations");
        assertTrue(refused.contains("x + y on bool") && refused.contains("x % y on complex128"), refused.toString());
    }

    /** A reduction over zero elements is the identity of its combination (any: false, all: true). */
    @Test
    void logicalReductionsOfNothingAreTheirIdentity() {
        NdArray none = NdArray.of(new boolean[0]);
        assertEquals(false, Expr.evaluate("any(x)", Map.of("x", none)).get(0));
        assertEquals(true, Expr.evaluate("all(x)", Map.of("x", none)).get(0));
        Set<Op> logical = EnumSet.of(Op.ANY, Op.ALL);
        for (Op op : logical) assertEquals(Set.of(DType.BOOL), OpTable.entry(op).dtypes());
    }

    /** any/all over arrays long enough to run on several threads equal the sequential answer. */
    @Test
    void logicalReductionsOnManyThreads() {
        int n = 300_007;
        boolean[] v = new boolean[n];
        v[n - 3] = true;
        int old = Expr.setNumThreads(3);
        try {
            assertEquals(true, Expr.evaluate("any(x)", Map.of("x", NdArray.of(v))).get(0));
            assertEquals(false, Expr.evaluate("all(x)", Map.of("x", NdArray.of(v))).get(0));
            assertEquals(false, Expr.evaluate("any(x & ~x)", Map.of("x", NdArray.of(v))).get(0));
            assertEquals(true, Expr.evaluate("all(x | ~x)", Map.of("x", NdArray.of(v))).get(0));
        } finally {
            Expr.setNumThreads(old);
        }
    }
}
