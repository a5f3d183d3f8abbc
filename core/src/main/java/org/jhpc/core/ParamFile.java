package org.jhpc.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tutorial's parameter files ({@code diff2dparams.py}) as data, never as code. Grammar: statements
 * {@code name = value} separated by newlines or {@code ;}; {@code #} starts a comment; empty statements are
 * allowed; a later assignment to the same name wins (as in Python). A value is a Python int literal (decimal with
 * optional {@code _} separators, or {@code 0x}/{@code 0o}/{@code 0b}), a Python float literal ({@code 1.0},
 * {@code .5}, {@code 5.}, {@code 1e-3}, {@code 1_000.5}), either with a leading {@code +} or {@code -}, or
 * {@code True}/{@code False}. A leading UTF-8 byte order mark is skipped, as Python skips it.
 */
public final class ParamFile {
    private ParamFile() {}

    /** A parsed literal: an int, a float or a bool, as Python would type it. */
    public record Value(Kind kind, double number, boolean bool, String text) {
        public enum Kind { INT, FLOAT, BOOL }

        /** The value as a float, as Python's int/float arithmetic would see it. */
        public double asDouble(String name) {
            if (kind == Kind.BOOL) throw new UserError(name + " must be a number, got " + text);
            return number;
        }

        public boolean asBool(String name) {
            if (kind == Kind.BOOL) return bool;
            if (kind == Kind.INT && (number == 0 || number == 1)) return number != 0;
            throw new UserError(name + " must be True or False, got " + text);
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern FLOAT = Pattern.compile(
            "(?:" + DIGITS + ")?\\.(?:" + DIGITS + ")?(?:[eE][+-]?" + DIGITS + ")?|" + DIGITS + "[eE][+-]?" + DIGITS);
    private static final Pattern INT = Pattern.compile(
            "(?:[1-9](?:_?[0-9])*|0(?:_?0)*)|0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+");

    public static Map<String, Value> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UserError("cannot read parameter file " + file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new UserError("cannot read parameter file " + file + ": " + AtomicFiles.describe(e), e);
        }
        return parse(text, file.toString());
    }

    public static Map<String, Value> parse(String text, String source) {
        Map<String, Value> out = new LinkedHashMap<>();
        if (text.startsWith("\uFEFF")) text = text.substring(1);   // a UTF-8 byte order mark, as Python accepts
        String[] lines = text.split("\r?\n|\r", -1);
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln];
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            for (String stmt : line.split(";", -1)) {
                String s = stmt.strip();
                if (s.isEmpty()) continue;
                int eq = s.indexOf('=');
                String where = source + ":" + (ln + 1);
                if (eq < 0) throw new UserError(where + ": expected 'name = value', got '" + s + "'");
                String name = s.substring(0, eq).strip();
                if (!NAME.matcher(name).matches()) throw new UserError(where + ": '" + name + "' is not a valid name");
                out.put(name, literal(s.substring(eq + 1).strip(), where + ": " + name));
            }
        }
        return out;
    }

    /** Parses one literal; {@code context} prefixes the error message. */
    public static Value literal(String raw, String context) {
        String s = raw.strip();
        if (s.equals("True")) return new Value(Value.Kind.BOOL, 1, true, s);
        if (s.equals("False")) return new Value(Value.Kind.BOOL, 0, false, s);
        String body = s;
        double sign = 1;
        while (body.startsWith("-") || body.startsWith("+")) {
            if (body.charAt(0) == '-') sign = -sign;
            body = body.substring(1).strip();
        }
        if (INT.matcher(body).matches()) {
            String digits = body.replace("_", "");
            java.math.BigInteger big;
            if (digits.length() > 2 && digits.charAt(0) == '0' && Character.isLetter(digits.charAt(1))) {
                int radix = switch (Character.toLowerCase(digits.charAt(1))) { case 'x' -> 16; case 'o' -> 8; default -> 2; };
                big = new java.math.BigInteger(digits.substring(2), radix);
            } else {
                big = new java.math.BigInteger(digits);
            }
            return new Value(Value.Kind.INT, sign * big.doubleValue(), false, s);
        }
        Matcher m = FLOAT.matcher(body);
        if (m.matches() && !body.equals(".")) {
            return new Value(Value.Kind.FLOAT, sign * Double.parseDouble(body.replace("_", "")), false, s);
        }
        if (s.isEmpty()) throw new UserError(context + ": missing value");
        throw new UserError(context + ": '" + s + "' is not a number or True/False");
    }
}
