package org.jhpc.expr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens: numbers, names, byte strings, operators and punctuation. */
final class Lexer {
    enum Kind { INT, FLOAT, IMAG, STRING, NAME, OP, END }

    record Token(Kind kind, String text, int pos, Object value) {}

    /** Longest expressions accepted (characters): beyond this the input is refused, not parsed. */
    static final int MAX_LENGTH = 100_000;

    private static final String[] OPS = {"**", "<<", ">>", "<=", ">=", "==", "!=", "//",
            "+", "-", "*", "/", "%", "<", ">", "&", "|", "~", "(", ")", ",", "=", "^", "!", "[", "]", "@", "."};

    private Lexer() {}

    static List<Token> tokens(String src) {
        if (src.length() > MAX_LENGTH) {
            throw new ExprException("expression too long (" + src.length() + " characters, at most " + MAX_LENGTH + ")");
        }
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(src.charAt(i + 1)))) {
                i = number(src, i, out);
            } else if (c == '_' || Character.isLetter(c)) {
                int s = i;
                while (i < n && (src.charAt(i) == '_' || Character.isLetterOrDigit(src.charAt(i)))) i++;
                String name = src.substring(s, i);
                if ((name.equals("b") || name.equals("B")) && i < n && (src.charAt(i) == '\'' || src.charAt(i) == '"')) {
                    i = string(src, i, out, s);
                } else {
                    out.add(new Token(Kind.NAME, name, s, null));
                }
            } else if (c == '\'' || c == '"') {
                i = string(src, i, out, i);
            } else {
                String op = null;
                for (String o : OPS) {
                    if (src.startsWith(o, i)) { op = o; break; }
                }
                if (op == null) throw new ExprException("unexpected character '" + c + "'", src, i);
                out.add(new Token(Kind.OP, op, i, null));
                i += op.length();
            }
        }
        out.add(new Token(Kind.END, "end of expression", n, null));
        return out;
    }

    private static int number(String src, int i, List<Token> out) {
        int s = i;
        int n = src.length();
        boolean isFloat = false;
        while (i < n && Character.isDigit(src.charAt(i))) i++;
        if (i < n && src.charAt(i) == '.') { isFloat = true; i++; while (i < n && Character.isDigit(src.charAt(i))) i++; }
        if (i < n && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
            int e = i + 1;
            if (e < n && (src.charAt(e) == '+' || src.charAt(e) == '-')) e++;
            if (e < n && Character.isDigit(src.charAt(e))) {
                isFloat = true;
                i = e;
                while (i < n && Character.isDigit(src.charAt(i))) i++;
            } else {
                throw new ExprException("malformed number exponent", src, s);
            }
        }
        String text = src.substring(s, i);
        if (i < n && (src.charAt(i) == 'j' || src.charAt(i) == 'J')) {
            out.add(new Token(Kind.IMAG, text + "j", s, Double.parseDouble(text)));
            i++;
        } else if (isFloat) {
            out.add(new Token(Kind.FLOAT, text, s, Double.parseDouble(text)));
        } else {
            Object v;
            try {
                v = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new ExprException("integer literal " + clip(text) + " does not fit in int64", src, s);
            }
            out.add(new Token(Kind.INT, text, s, v));
        }
        if (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
            throw new ExprException("malformed number '" + clip(src.substring(s, Math.min(n, i + 1))) + "'", src, s);
        }
        return i;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static int string(String src, int i, List<Token> out, int start) {
        char q = src.charAt(i);
        StringBuilder sb = new StringBuilder();
        int j = i + 1;
        while (true) {
            if (j >= src.length()) throw new ExprException("unterminated string", src, start);
            char c = src.charAt(j);
            if (c == q) break;
            if (c == '\\' && j + 1 < src.length()) {
                char e = src.charAt(++j);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case '0' -> sb.append('\0');
                    case '\\', '\'', '"' -> sb.append(e);
                    default -> sb.append('\\').append(e);
                }
            } else {
                if (c > 127) throw new ExprException("byte strings take ASCII characters only", src, j);
                sb.append(c);
            }
            j++;
        }
        byte[] b = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        out.add(new Token(Kind.STRING, src.substring(start, j + 1), start, b));
        return j + 1;
    }
}
