package org.jhpc.expr;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test oracle: walks the typed but unfolded tree once per element with {@link Scalars}, no blocks, no
 * registers, no threads, no vectors; reductions add (or multiply) elements one after another in C order.
 * Slow by design.
 */
final class Reference {
    private Reference() {}

    static NdArray evaluate(Expr e, Map<String, ?> bindings) {
        TNode root = e.typedTree(bindings, false);
        Map<String, NdArray> vals = new LinkedHashMap<>();
        int[] shape = new int[0];
        for (String n : e.variables()) {
            Object v = bindings.get(n);
            NdArray a = v instanceof NdArray x ? x : Expr.compile(n).evaluate(Map.of(n, v));
            vals.put(n, a);
            if (a.ndim() > 0) shape = NdArray.broadcastShape(shape, a.shape());
        }
        for (Map.Entry<String, NdArray> en : vals.entrySet()) {
            if (en.getValue().ndim() > 0) en.setValue(en.getValue().broadcastTo(shape));
        }
        long size = 1;
        for (int s : shape) size *= s;
        if (root instanceof TNode.Reduce r) {
            Op sum = r.op();
            DType t = r.arg().type();
            if (r.axis() == null || shape.length == 1) {
                NdArray out = NdArray.zeros(r.type());
                Object acc = identity(t, sum);
                for (long k = 0; k < size; k++) acc = combine(t, sum, acc, eval(r.arg(), vals, k));
                out.set(0, Scalars.cast(acc, r.type()));
                return out;
            }
            int ax = r.axis();
            int outer = 1;
            int inner = 1;
            for (int d = 0; d < ax; d++) outer *= shape[d];
            for (int d = ax + 1; d < shape.length; d++) inner *= shape[d];
            int m = shape[ax];
            int[] rs = new int[shape.length - 1];
            for (int d = 0, q = 0; d < shape.length; d++) if (d != ax) rs[q++] = shape[d];
            NdArray out = NdArray.zeros(r.type(), rs);
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    Object acc = identity(t, sum);
                    for (int q = 0; q < m; q++) acc = combine(t, sum, acc, eval(r.arg(), vals, ((long) o * m + q) * inner + i));
                    out.set((long) o * inner + i, Scalars.cast(acc, r.type()));
                }
            }
            return out;
        }
        NdArray out = NdArray.zeros(root.type(), shape);
        for (long k = 0; k < size; k++) out.set(k, eval(root, vals, k));
        return out;
    }

    private static Object identity(DType t, Op red) {
        return switch (red) {
            case SUM -> Scalars.cast(0, t);
            case PROD -> Scalars.cast(1, t);
            case MIN -> t == DType.INT64 ? (Object) Long.MAX_VALUE : (Object) Double.POSITIVE_INFINITY;
            case ANY -> false;
            case ALL -> true;
            default -> t == DType.INT64 ? (Object) Long.MIN_VALUE : (Object) Double.NEGATIVE_INFINITY;
        };
    }

    private static Object combine(DType t, Op red, Object acc, Object x) {
        return switch (red) {
            case SUM -> Scalars.apply(Op.ADD, t, 0, acc, x);
            case PROD -> Scalars.apply(Op.MUL, t, 0, acc, x);
            case MIN -> t == DType.INT64 ? (Object) Math.min((Long) acc, (Long) x) : (Object) Math.min((Double) acc, (Double) x);
            case ANY -> (Boolean) acc || (Boolean) x;
            case ALL -> (Boolean) acc && (Boolean) x;
            default -> t == DType.INT64 ? (Object) Math.max((Long) acc, (Long) x) : (Object) Math.max((Double) acc, (Double) x);
        };
    }

    private static Object eval(TNode n, Map<String, NdArray> vals, long k) {
        return switch (n) {
            case TNode.Const c -> c.value();
            case TNode.Var v -> {
                NdArray a = vals.get(v.name());
                yield a.get(a.ndim() == 0 ? 0 : k);
            }
            case TNode.Apply a -> {
                Object[] args = new Object[a.args().size()];
                for (int i = 0; i < args.length; i++) args[i] = eval(a.args().get(i), vals, k);
                if (a.op() == Op.CAST) yield Scalars.cast(args[0], a.type());
                yield Scalars.apply(a.op(), a.argType(), a.param(), args);
            }
            case TNode.Reduce r -> throw new IllegalStateException("nested reduction " + Arrays.asList(r));
        };
    }
}
