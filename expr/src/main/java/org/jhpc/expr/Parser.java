package org.jhpc.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jhpc.expr.Lexer.Kind;
import org.jhpc.expr.Lexer.Token;

/**
 * A Pratt parser with Python's precedence for numexpr's operators, lowest first:
 * comparisons, {@code |}, {@code &}, shifts, {@code + -}, {@code * / %}, unary {@code - + ~}, {@code **}
 * (right-associative, binding tighter than a unary minus on its left: {@code -a**2 == -(a**2)}, and taking a
 * unary operand on its right: {@code 2**-1}). Nesting is bounded ({@link #MAX_HEIGHT}) so that deep inputs are
 * refused with an error instead of overflowing the stack.
 */
final class Parser {
    /** The tallest syntax tree accepted (parentheses, unary chains and operator chains all count). */
    static final int MAX_HEIGHT = 500;

    private static final int UNARY = 60;
    private static final Map<String, Integer> INFIX = Map.ofEntries(
            Map.entry("<", 5), Map.entry("<=", 5), Map.entry(">", 5), Map.entry(">=", 5), Map.entry("==", 5),
            Map.entry("!=", 5), Map.entry("|", 10), Map.entry("^", 15), Map.entry("&", 20), Map.entry("<<", 30),
            Map.entry(">>", 30), Map.entry("+", 40), Map.entry("-", 40), Map.entry("*", 50), Map.entry("/", 50),
            Map.entry("%", 50), Map.entry("//", 50), Map.entry("@", 50), Map.entry("**", 70));

    private final String src;
    private final List<Token> toks;
    private int at;

    private Parser(String src) {
        this.src = src;
        this.toks = Lexer.tokens(src);
    }

    static Node parse(String src) {
        if (src == null) throw new ExprException("expression is null");
        Parser p = new Parser(src);
        if (p.peek().kind() == Kind.END) throw new ExprException("empty expression", src, 0);
        Node n = p.expr(0, 0);
        Token t = p.peek();
        if (t.kind() != Kind.END) {
            throw p.error(t.text().equals(")") ? "unbalanced ')'" : "unexpected '" + t.text() + "'", t);
        }
        return n;
    }

    private Token peek() {
        return toks.get(at);
    }

    private Token next() {
        return toks.get(at++);
    }

    private ExprException error(String msg, Token t) {
        return new ExprException(msg, src, t.pos());
    }

    private Node check(Node n) {
        if (n.height() > MAX_HEIGHT) {
            throw new ExprException("expression nested too deeply (more than " + MAX_HEIGHT + " levels)", src, n.pos());
        }
        return n;
    }

    private Node expr(int minBp, int depth) {
        if (depth > MAX_HEIGHT) {
            throw new ExprException("expression nested too deeply (more than " + MAX_HEIGHT + " levels)", src, peek().pos());
        }
        Node left = prefix(depth);
        while (true) {
            Token t = peek();
            if (t.kind() != Kind.OP) {
                if (t.kind() == Kind.END) return left;
                throw error("expected an operator before '" + t.text() + "'", t);
            }
            if (t.text().equals("[")) throw error("indexing and lists are not supported", t);
            Integer bp = INFIX.get(t.text());
            if (bp == null || bp < minBp) return left;
            if (t.text().equals("@")) throw error("'@' (matrix product) is not supported", t);
            next();
            Node right;
            if (t.text().equals("**")) {
                right = expr(UNARY, depth + 1);
            } else {
                right = expr(bp + 1, depth + 1);
            }
            left = check(new Node.Binary(t.text(), left, right, t.pos()));
            if (bp == 5) {
                Token u = peek();
                Integer ubp = u.kind() == Kind.OP ? INFIX.get(u.text()) : null;
                if (ubp != null && ubp == 5) {
                    throw error("chained comparisons are not supported; write (a < b) & (b < c)", u);
                }
            }
        }
    }

    private Node prefix(int depth) {
        Token t = next();
        switch (t.kind()) {
            case INT, FLOAT -> { return new Node.Num(t.value(), t.pos()); }
            case IMAG -> { return new Node.Num(new Complex(0, (Double) t.value()), t.pos()); }
            case STRING -> { return new Node.Str((byte[]) t.value(), t.pos()); }
            case NAME -> { return name(t, depth); }
            case END -> throw error("unexpected end of expression", t);
            default -> { }
        }
        switch (t.text()) {
            case "-", "+", "~" -> {
                Node arg = expr(UNARY, depth + 1);
                return check(new Node.Unary(t.text(), arg, t.pos()));
            }
            case "(" -> {
                Node inner = expr(0, depth + 1);
                Token c = next();
                if (!c.text().equals(")") || c.kind() != Kind.OP) {
                    throw error(c.kind() == Kind.END ? "missing ')' for the '(' here" : "expected ')' but found '" + c.text() + "'",
                            c.kind() == Kind.END ? t : c);
                }
                return attributes(inner);
            }
            case "[" -> throw error("indexing and lists are not supported", t);
            default -> throw error("unexpected '" + t.text() + "'", t);
        }
    }

    private Node name(Token t, int depth) {
        String name = t.text();
        if (name.equals("True") || name.equals("False")) return new Node.Num(name.equals("True"), t.pos());
        if (!peek().text().equals("(") || peek().kind() != Kind.OP) return attributes(new Node.Name(name, t.pos()));
        next();
        List<Node> args = new ArrayList<>();
        Integer axis = null;
        boolean axisGiven = false;
        if (peek().text().equals(")") && peek().kind() == Kind.OP) {
            next();
            return attributes(check(new Node.Call(name, args, null, t.pos())));
        }
        while (true) {
            Token a = peek();
            if (a.kind() == Kind.NAME && toks.get(at + 1).text().equals("=") && toks.get(at + 1).kind() == Kind.OP) {
                if (!a.text().equals("axis")) throw error("unknown keyword argument '" + a.text() + "'", a);
                if (axisGiven) throw error("axis given twice", a);
                next();
                next();
                axis = axisValue();
                axisGiven = true;
            } else {
                if (axisGiven) throw error("positional argument after keyword argument", a);
                if (args.size() == 1 && REDUCTIONS.contains(name)) {
                    axis = axisValue();          // sum(x, 1): the axis given by position
                    axisGiven = true;
                } else {
                    args.add(expr(0, depth + 1));
                }
            }
            Token s = next();
            if (s.text().equals(")") && s.kind() == Kind.OP) break;
            if (!s.text().equals(",") || s.kind() != Kind.OP) {
                throw error(s.kind() == Kind.END ? "missing ')' to close the call of " + name + "()"
                        : "expected ',' or ')' in the call of " + name + "() but found '" + s.text() + "'", s.kind() == Kind.END ? t : s);
            }
        }
        return attributes(check(new Node.Call(name, args, axis, t.pos())));
    }

    /** The reductions' names (they take an axis, also by position), from the table of operations. */
    static final java.util.Set<String> REDUCTIONS = java.util.Set.copyOf(OpTable.FUNCTIONS.entrySet().stream()
            .filter(e -> e.getValue().isReduction()).map(Map.Entry::getKey).toList());

    /** An axis: {@code None} (null: all axes) or an integer literal, possibly negative (refused when typed). */
    private Integer axisValue() {
        if (peek().kind() == Kind.NAME && peek().text().equals("None")) {
            next();
            return null;
        }
        boolean neg = false;
        if (peek().text().equals("-") && peek().kind() == Kind.OP) {
            next();
            neg = true;
        }
        Token v = next();
        if (v.kind() != Kind.INT) throw error("axis must be an integer literal or None", v);
        long ax = (Long) v.value();
        return (int) Math.max(-64, Math.min(64, neg ? -ax : ax));
    }

    /** {@code x.real} and {@code x.imag} (numpy's attributes) as the functions real(x) and imag(x). */
    private Node attributes(Node n) {
        while (peek().kind() == Kind.OP && peek().text().equals(".")) {
            Token dot = next();
            Token a = next();
            if (a.kind() != Kind.NAME || !(a.text().equals("real") || a.text().equals("imag"))) {
                throw error("attribute access is not supported (only .real and .imag)", dot);
            }
            n = check(new Node.Call(a.text(), List.of(n), null, dot.pos()));
        }
        return n;
    }
}
