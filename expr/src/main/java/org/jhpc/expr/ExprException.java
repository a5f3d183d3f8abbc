package org.jhpc.expr;

/**
 * A problem with an expression or its inputs: bad syntax, unknown names or functions, wrong arity, unsupported
 * types, shape mismatches, absurd sizes. The message names the problem and, where it has one, the 1-based column
 * in the expression text; {@link #pointer()} draws a caret under that column.
 */
public final class ExprException extends IllegalArgumentException {
    private final String source;
    private final int column;

    /** A problem at 0-based {@code offset} of the expression {@code source} (offset -1: none). */
    public ExprException(String problem, String source, int offset) {
        super(problem + (offset >= 0 && source != null ? " at column " + (offset + 1) + " of '" + clip(source) + "'" : ""));
        this.source = source;
        this.column = offset >= 0 ? offset + 1 : -1;
    }

    /** A problem with no place in the expression (a shape mismatch, a bad setting). */
    public ExprException(String problem) {
        this(problem, null, -1);
    }

    private static String clip(String s) {
        return s.length() <= 200 ? s : s.substring(0, 197) + "...";
    }

    /** 1-based column of the problem in the expression, or -1 when it has none (e.g. a shape mismatch). */
    public int column() {
        return column;
    }

    /** Two lines: the expression and a caret under the offending column (empty when there is no column). */
    public String pointer() {
        if (column < 0 || source == null || source.length() > 200) return "";
        return source + "\n" + " ".repeat(column - 1) + "^";
    }
}
