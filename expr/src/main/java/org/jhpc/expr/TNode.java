package org.jhpc.expr;

import java.util.List;

/** The typed tree: every node has its numexpr type, every implicit conversion is an explicit {@link Op#CAST}. */
sealed interface TNode {
    DType type();

    int pos();

    /** A literal or folded constant (value as in {@link Scalars}). */
    record Const(DType type, Object value, int pos) implements TNode {}

    /** A bound variable (array or scalar). */
    record Var(DType type, String name, int pos) implements TNode {}

    /** An element-wise operation on operands of type {@code argType}, giving {@code type}. */
    record Apply(Op op, DType type, DType argType, int param, List<TNode> args, int pos) implements TNode {}

    /** sum or prod over all elements ({@code axis == null}) or one axis; only ever the root. */
    record Reduce(Op op, DType type, Integer axis, TNode arg, int pos) implements TNode {}
}
