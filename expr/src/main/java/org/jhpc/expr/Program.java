package org.jhpc.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A typed, constant-folded expression linearised into register code: each instruction applies one {@link Op} to
 * whole blocks held in registers. Registers are the inputs (arrays, or scalars broadcast to a block), the
 * constants (broadcast once per worker) and block-sized temporaries, which are reused as soon as their value has
 * been consumed, so the memory an evaluation needs is a few blocks per thread whatever the array size. The
 * result has its own register, never shared, so that it can be the caller's output array.
 */
final class Program {
    /** The most registers a program may use (each costs one block per worker thread). */
    static final int MAX_REGISTERS = 256;

    enum Kind { INPUT, CONST, TEMP }

    record Reg(Kind kind, DType type, int itemSize, String name, Object value) {}

    record Ins(Op op, DType argType, DType type, int param, int dst, int[] src) {}

    final String source;
    final TNode tree;
    final Reg[] regs;
    final Ins[] code;
    final int result;
    final DType resultType;
    /** The type of the output array: the result register's, or a reduction's (which accumulates in resultType). */
    final DType outType;
    /** SUM, PROD, MIN or MAX for a reduction, else null; {@link #axis} its axis (null: all elements). */
    final Op reduce;
    final Integer axis;

    private Program(String source, TNode tree, List<Reg> regs, List<Ins> code, int result, Op reduce, Integer axis) {
        this.source = source;
        this.tree = tree;
        this.regs = regs.toArray(Reg[]::new);
        this.code = code.toArray(Ins[]::new);
        this.result = result;
        this.resultType = this.regs[result].type();
        this.outType = tree.type();
        this.reduce = reduce;
        this.axis = axis;
    }

    /** Linearises a typed tree; {@code itemSizes} gives the width of each bytes input. */
    static Program compile(String source, TNode root, Map<String, Integer> itemSizes) {
        return new Builder(source, itemSizes).build(root);
    }

    private static final class Builder {
        final String source;
        final Map<String, Integer> itemSizes;
        final List<Reg> regs = new ArrayList<>();
        final List<Ins> code = new ArrayList<>();
        final Map<String, Integer> inputs = new HashMap<>();
        final Map<List<Object>, Integer> consts = new HashMap<>();
        final Map<DType, ArrayDeque<Integer>> free = new HashMap<>();

        Builder(String source, Map<String, Integer> itemSizes) {
            this.source = source;
            this.itemSizes = itemSizes;
        }

        Program build(TNode root) {
            Op reduce = null;
            Integer axis = null;
            TNode body = root;
            if (root instanceof TNode.Reduce r) {
                reduce = r.op();
                axis = r.axis();
                body = r.arg();
            }
            int res;
            if (body instanceof TNode.Apply a) {
                res = emit(a, true);
            } else {
                int src = reg(body);
                res = add(new Reg(Kind.TEMP, body.type(), itemOf(body.type(), src), null, null));
                code.add(new Ins(Op.CAST, body.type(), body.type(), 0, res, new int[] {src}));
            }
            return new Program(source, root, regs, code, res, reduce, axis);
        }

        int itemOf(DType t, int src) {
            return t == DType.BYTES ? regs.get(src).itemSize() : NdArray.defaultItem(t);
        }

        int add(Reg r) {
            if (regs.size() >= MAX_REGISTERS) {
                throw new ExprException("expression too large: it needs more than " + MAX_REGISTERS
                        + " registers (distinct variables, constants and live temporaries)");
            }
            regs.add(r);
            return regs.size() - 1;
        }

        int reg(TNode n) {
            return switch (n) {
                case TNode.Var v -> inputs.computeIfAbsent(v.name(), k -> add(new Reg(Kind.INPUT, v.type(),
                        v.type() == DType.BYTES ? itemSizes.getOrDefault(k, 1) : NdArray.defaultItem(v.type()), k, null)));
                case TNode.Const c -> {
                    Object key = c.value() instanceof byte[] b ? Arrays.toString(b) : c.value();
                    yield consts.computeIfAbsent(List.of(c.type(), key), k -> add(new Reg(Kind.CONST, c.type(),
                            c.type() == DType.BYTES ? Math.max(1, ((byte[]) c.value()).length) : NdArray.defaultItem(c.type()), null, c.value())));
                }
                case TNode.Apply a -> emit(a, false);
                case TNode.Reduce r -> throw new ExprException("reductions must be the outermost operation", source, r.pos());
            };
        }

        int emit(TNode.Apply a, boolean root) {
            int[] src = new int[a.args().size()];
            for (int i = 0; i < src.length; i++) src[i] = reg(a.args().get(i));
            for (int s : src) release(s);
            int dst;
            if (root) {
                dst = add(new Reg(Kind.TEMP, a.type(), NdArray.defaultItem(a.type()), null, null));
            } else {
                ArrayDeque<Integer> q = free.get(a.type());
                dst = q != null && !q.isEmpty() ? q.pop() : add(new Reg(Kind.TEMP, a.type(), NdArray.defaultItem(a.type()), null, null));
            }
            code.add(new Ins(a.op(), a.argType(), a.type(), a.param(), dst, src));
            return dst;
        }

        void release(int r) {
            if (regs.get(r).kind() == Kind.TEMP) {
                ArrayDeque<Integer> q = free.computeIfAbsent(regs.get(r).type(), k -> new ArrayDeque<>());
                if (!q.contains(r)) q.push(r);
            }
        }
    }

    /** A readable listing: registers, then one line per instruction, like numexpr's disassemble. */
    String listing() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < regs.length; r++) {
            Reg g = regs[r];
            sb.append(String.format(Locale.ROOT, "r%-3d %-6s %-10s", r, g.kind().name().toLowerCase(), g.type()));
            if (g.kind() == Kind.INPUT) sb.append(' ').append(g.name());
            if (g.kind() == Kind.CONST) sb.append(' ').append(g.value() instanceof byte[] b ? "b'" + new String(b, java.nio.charset.StandardCharsets.ISO_8859_1) + "'" : g.value());
            if (r == result) sb.append(" (result)");
            sb.append('\n');
        }
        for (Ins i : code) {
            sb.append(String.format(Locale.ROOT, "%-8s %-10s r%d <-", i.op().mnemonic, i.argType() + (i.type() != i.argType() ? "->" + i.type() : ""), i.dst()));
            for (int s : i.src()) sb.append(" r").append(s);
            if (i.op() == Op.POWI) sb.append(" n=").append(i.param());
            sb.append('\n');
        }
        if (reduce != null) sb.append(reduce.mnemonic).append(" r").append(result).append(axis == null ? " (all elements)" : " axis=" + axis).append('\n');
        return sb.toString();
    }
}
