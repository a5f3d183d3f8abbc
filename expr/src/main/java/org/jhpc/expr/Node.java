package org.jhpc.expr;

import java.util.List;

/**
 * The syntax tree of an expression, as parsed (untyped). Every node keeps its 0-based offset in the source for
 * error messages and its height (1 for a leaf), which the parser bounds so that no later recursive pass can run
 * out of stack.
 */
sealed interface Node {
    int pos();

    int height();

    /** A numeric or boolean literal: Long, Double, Complex (imaginary literals) or Boolean. */
    record Num(Object value, int pos) implements Node {
        public int height() { return 1; }
    }

    /** A byte-string literal. */
    record Str(byte[] value, int pos) implements Node {
        public int height() { return 1; }
    }

    /** A variable. */
    record Name(String name, int pos) implements Node {
        public int height() { return 1; }
    }

    /** {@code -x}, {@code +x}, {@code ~x}. */
    record Unary(String op, Node arg, int pos, int height) implements Node {
        Unary(String op, Node arg, int pos) { this(op, arg, pos, arg.height() + 1); }
    }

    /** {@code x op y} for the binary operators. */
    record Binary(String op, Node left, Node right, int pos, int height) implements Node {
        Binary(String op, Node left, Node right, int pos) {
            this(op, left, right, pos, Math.max(left.height(), right.height()) + 1);
        }
    }

    /** A function call; {@code axis} is the reduction keyword argument, or null. */
    record Call(String fn, List<Node> args, Integer axis, int pos, int height) implements Node {
        Call(String fn, List<Node> args, Integer axis, int pos) {
            this(fn, List.copyOf(args), axis, pos, args.stream().mapToInt(Node::height).max().orElse(0) + 1);
        }
    }
}
